import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run, SetupError } from './run.mjs';

const BINARY = join('build', 'Release', 'better_sqlite3.node');

/**
 * Where the Electron-ABI better_sqlite3.node lives; src/main/hosts/electron/native-sqlite.ts reads the same path (dev and preview only).
 * @param {string} projectDir
 * @param {string} electronVersion
 */
export function electronSqlitePath(projectDir, electronVersion) {
  return join(projectDir, '.electron-native', electronVersion, 'better_sqlite3.node');
}

/** npm's bundled node-gyp: npm exports its path to scripts as npm_config_node_gyp; else next to node. */
function nodeGypScript() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file)) ?? null;
}

/**
 * Builds an Electron-ABI copy of better-sqlite3's addon once, in a temporary copy of the package, so the
 * Node build in node_modules (used by tests, the CLI and browser mode) is never touched.
 * First a prebuilt binary (prebuild-install, from GitHub), else a source build (node-gyp, needs Electron's
 * headers from electronjs.org and a C++ toolchain).
 * @param {{ projectDir: string, sqliteDir: string, electronVersion: string, arch?: string }} options
 * @returns {Promise<string>} the binary's path
 */
export async function ensureElectronSqlite({ projectDir, sqliteDir, electronVersion, arch = process.arch }) {
  const target = electronSqlitePath(projectDir, electronVersion);
  if (existsSync(target)) return target;
  console.log(`better-sqlite3 for Electron ${electronVersion}: building a copy into ${dirname(target)} once…`);
  const work = mkdtempSync(join(tmpdir(), 'loss-lab-sqlite-'));
  const pkg = join(work, 'better-sqlite3');
  try {
    cpSync(sqliteDir, pkg, { recursive: true, filter: (src) => !src.startsWith(join(sqliteDir, 'build')) });
    const prebuild = createRequire(join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    const attempts = [];
    const fromPrebuild = await run(process.execPath, [prebuild, '--runtime', 'electron', '--target', electronVersion, '--arch', arch, '--verbose'], {
      cwd: pkg,
      label: 'prebuild-install',
    });
    attempts.push(`prebuild-install (download from github.com) exited ${fromPrebuild.code}: ${fromPrebuild.tail || 'no output'}`);
    if (fromPrebuild.code !== 0 || !existsSync(join(pkg, BINARY))) {
      const gyp = nodeGypScript();
      if (!gyp) {
        attempts.push('node-gyp: not found (npm normally bundles it; run this script through `npm start` / `npm run dev`).');
      } else {
        const fromSource = await run(
          process.execPath,
          [gyp, 'rebuild', '--release', `--target=${electronVersion}`, `--arch=${arch}`, '--dist-url=https://electronjs.org/headers'],
          { cwd: pkg, label: 'node-gyp' },
        );
        attempts.push(`node-gyp rebuild (headers from electronjs.org, C++ toolchain) exited ${fromSource.code}: ${fromSource.tail || 'no output'}`);
      }
    }
    if (!existsSync(join(pkg, BINARY))) {
      throw new SetupError(
        [
          `Could not get better-sqlite3 built for Electron ${electronVersion} (${arch}).`,
          ...attempts.map((line) => `  - ${line}`),
          'What to do: connect to the network and run `node scripts/ensure-electron.mjs` again; for a source build also',
          'install python3, make and a C++ compiler. node_modules/better-sqlite3 (the Node build) was left untouched.',
        ].join('\n'),
      );
    }
    mkdirSync(dirname(target), { recursive: true });
    // Copy then rename, so an interrupted copy never looks like a finished binary.
    copyFileSync(join(pkg, BINARY), `${target}.partial`);
    renameSync(`${target}.partial`, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
