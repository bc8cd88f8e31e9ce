#!/usr/bin/env node
/**
 * Makes `electron-vite dev` / `preview` runnable: downloads the Electron binary if node_modules/electron/dist
 * is missing, and builds better-sqlite3 for Electron's ABI into .electron-native/<version>/ once, leaving
 * node_modules' Node build alone. Exit code 1 with a message saying what failed and what to do.
 *
 * Flags (for tests and unusual layouts): --project-dir, --electron-dir, --sqlite-dir, --skip-sqlite.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureElectronBinary } from './lib/electron-binary.mjs';
import { SetupError } from './lib/run.mjs';
import { ensureElectronSqlite } from './lib/sqlite-electron.mjs';

const { values } = parseArgs({
  options: {
    'project-dir': { type: 'string' },
    'electron-dir': { type: 'string' },
    'sqlite-dir': { type: 'string' },
    'skip-sqlite': { type: 'boolean', default: false },
  },
});
const projectDir = resolve(values['project-dir'] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const require = createRequire(join(projectDir, 'package.json'));
const electronDir = resolve(values['electron-dir'] ?? dirname(require.resolve('electron/package.json')));
const sqliteDir = resolve(values['sqlite-dir'] ?? dirname(require.resolve('better-sqlite3/package.json')));

try {
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));
  await ensureElectronBinary(electronDir, version);
  if (!values['skip-sqlite']) await ensureElectronSqlite({ projectDir, sqliteDir, electronVersion: version });
  console.log(`Electron ${version} is ready.`);
} catch (error) {
  if (!(error instanceof SetupError)) throw error;
  console.error(`\nensure-electron: ${error.message}`);
  process.exit(1);
}
