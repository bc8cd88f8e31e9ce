/** File lists for the packaging tests: a folder's files, and a package's own files (not its node_modules). */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { toPosix } from './lockfile';

/** Every file under `dir`, as paths relative to `base`, with `/`; `skip` names folders not to enter. */
export function filesUnder(dir: string, base: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) out.push(...filesUnder(path, base, skip));
    } else {
      out.push(toPosix(relative(base, path)));
    }
  }
  return out;
}

/** A package's files as the app will hold them (`node_modules/a/lib/x.js`); nested packages are their own entries. */
export const packageFiles = (projectDir: string, packageDir: string): string[] =>
  filesUnder(join(projectDir, packageDir), projectDir, new Set(['node_modules']));
