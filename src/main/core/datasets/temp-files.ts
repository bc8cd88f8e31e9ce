/**
 * Temporary files of dataset caches being written: `<cache>.<pid>@<host>.<ms>.tmp`, renamed into place when
 * complete. A writer killed mid-way (kill -9, power loss) leaves its file behind; `removeOrphanTempFiles`
 * deletes those whose writer is gone, and never one a live process may still be writing.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pidExists } from '../store/run-owner';

/** A temp file untouched this long (milliseconds) is an orphan even if its pid now names a live process. */
export const ORPHAN_AGE_MS = 60 * 60 * 1000;

const hostTag = (): string => hostname().replace(/[^A-Za-z0-9-]/g, '_');
/** `<pid>` or `<pid>@<host>`, then `.<ms>.tmp` (files from before the host tag have none). */
const TEMP_NAME = /\.(\d+)(?:@([A-Za-z0-9_-]+))?\.(\d+)\.tmp$/;

/** The temp file beside `path` that this process writes before renaming it to `path`. */
export function tempPathFor(path: string): string {
  return `${path}.${process.pid}@${hostTag()}.${Date.now()}.tmp`;
}

/** Whether the writer of temp file `name` (last modified at `mtimeMs`) is gone, seen at `now`. */
export function isOrphan(name: string, mtimeMs: number, now = Date.now()): boolean {
  const match = TEMP_NAME.exec(name);
  if (!match) return false;
  if (now - mtimeMs > ORPHAN_AGE_MS) return true;
  const sameHost = match[2] === undefined || match[2] === hostTag();
  return sameHost && !pidExists(Number(match[1]));
}

/** Deletes the orphaned temp files in `dir`; returns their names. A file that cannot be removed is left. */
export function removeOrphanTempFiles(dir: string, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names.filter((n) => n.endsWith('.tmp'))) {
    try {
      if (!isOrphan(name, statSync(join(dir, name)).mtimeMs, now)) continue;
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove (read-only folder): leave it.
    }
  }
  return removed;
}
