#!/usr/bin/env node
/**
 * `npm run dist`: electron-builder with the developer's node_modules left as it was. electron-builder's
 * `npmRebuild` rebuilds better-sqlite3 for Electron's ABI inside node_modules itself, which would leave the
 * tests, the CLI and browser mode (all on plain Node) with an addon they cannot load. So the Node build is
 * set aside first and put back afterwards, whether packaging succeeded or not. Arguments go to electron-builder.
 *
 * Flags for tests: --project-dir <dir>, --builder <script> (run with node instead of electron-builder's CLI).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ADDON = join('node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');

/** Own flags out of argv; the rest is electron-builder's. */
function parse(argv) {
  const own = { projectDir: join(dirname(fileURLToPath(import.meta.url)), '..'), builder: null };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--project-dir') own.projectDir = argv[++i];
    else if (argv[i] === '--builder') own.builder = argv[++i];
    else rest.push(argv[i]);
  }
  return { projectDir: resolve(own.projectDir), builder: own.builder, rest };
}

const { projectDir, builder, rest } = parse(process.argv.slice(2));
const addon = join(projectDir, ADDON);
const keep = mkdtempSync(join(tmpdir(), 'loss-lab-dist-'));
const saved = join(keep, 'better_sqlite3.node');
if (existsSync(addon)) copyFileSync(addon, saved);

const cli = builder ?? createRequire(join(projectDir, 'package.json')).resolve('electron-builder/cli.js');
const result = spawnSync(process.execPath, [cli, ...rest], { cwd: projectDir, stdio: 'inherit' });

if (existsSync(saved)) {
  // Copy then rename, so an interrupted restore never leaves half an addon.
  copyFileSync(saved, `${addon}.partial`);
  renameSync(`${addon}.partial`, addon);
  console.log(`dist: restored the Node build of better-sqlite3 (${ADDON}).`);
}
rmSync(keep, { recursive: true, force: true });
process.exit(result.status ?? 1);
