import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * better-sqlite3 in node_modules is built for Node's ABI (tests, CLI, browser mode). Electron needs its own
 * build, which `scripts/ensure-electron.mjs` puts in `.electron-native/<electron version>/` once.
 * Returns that file's path, or throws an error saying how to create it.
 */
export function electronSqliteBinding(appRoot: string, electronVersion: string = process.versions.electron): string {
  const file = join(appRoot, '.electron-native', electronVersion, 'better_sqlite3.node');
  if (!existsSync(file)) {
    throw new Error(
      `The Electron build of better-sqlite3 is missing (${file}). ` +
        'Run `node scripts/ensure-electron.mjs` once (it needs network access), or start the app with `npm start`.',
    );
  }
  return file;
}
