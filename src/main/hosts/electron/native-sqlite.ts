import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { unpackedPath } from './asar-paths';

/**
 * Where better_sqlite3.node built for Electron's ABI is.
 * - Packaged: electron-builder rebuilt node_modules/better-sqlite3 for Electron (`npmRebuild`) and unpacked it
 *   (a native addon cannot be loaded from inside app.asar), so it is under app.asar.unpacked.
 * - Dev and preview: node_modules/better-sqlite3 keeps its Node build for the tests and the CLI, so
 *   `scripts/ensure-electron.mjs` puts an Electron build in `.electron-native/<electron version>/` once.
 */
export function sqliteBindingPath(appPath: string, isPackaged: boolean, electronVersion: string): string {
  return isPackaged
    ? unpackedPath(join(appPath, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'))
    : join(appPath, '.electron-native', electronVersion, 'better_sqlite3.node');
}

/** `file` if it exists, else an error saying how to get it: for dev, the setup script; packaged, a reinstall. */
export function requireSqliteBinding(file: string, isPackaged: boolean): string {
  if (existsSync(file)) return file;
  throw new Error(
    isPackaged
      ? `Loss Lab's database driver is missing (${file}): the installation is incomplete; reinstall Loss Lab.`
      : `The Electron build of better-sqlite3 is missing (${file}). ` +
          'Run `node scripts/ensure-electron.mjs` once (it needs network access), or start the app with `npm start`.',
  );
}
