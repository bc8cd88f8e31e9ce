/** A lab's identity on a queue: a random id kept in its data directory, the first half of each job id. */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads `<dataDir>/lab-id`, creating it on first use; the same data directory always answers the same id. */
export function labIdOf(dataDir: string): string {
  const path = join(dataDir, 'lab-id');
  if (existsSync(path)) {
    const id = readFileSync(path, 'utf8').trim();
    if (/^[0-9a-f-]{36}$/.test(id)) return id;
  }
  const id = randomUUID();
  writeFileSync(path, `${id}\n`);
  return id;
}
