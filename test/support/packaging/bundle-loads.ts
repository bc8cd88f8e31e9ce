/**
 * What the built main-process bundles (out/main) load at run time, read from the bundles themselves: the files
 * they import (static and dynamic `./…` imports), the files they start (`new URL('./x.js', base)`, the
 * training worker), the packages they import, and the packages whose files they open
 * (`require.resolve('pkg/package.json')`). The bundles are machine-written (rolldown), so a few patterns
 * over their text cover every form they use; a form they do not cover fails the tests, never passes them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { packageOf, toPosix } from './lockfile';

export interface BundleLoads {
  /** Bundle files reached from the entries, relative to the build folder's parent (`out/main/index.js`). */
  files: string[];
  /** Built files started by URL from a bundle (worker threads), same form. */
  started: string[];
  /** Packages imported (statically, dynamically, or by a name held in a variable). */
  packages: string[];
  /** Packages whose own files are opened by path (data). */
  dataPackages: string[];
  /** `.wasm` or `.node` paths named by the bundles themselves. */
  binaries: string[];
}

const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g;
const BARE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["']([^"'./][^"']*)["']/g;
/** Relative to `import.meta.url` or a variable holding it (the shell's paths take the bundle's URL as a value). */
const STARTED_FILE = /new URL\(\s*["'](\.{1,2}\/[^"']+)["']\s*,/g;
const DATA_PACKAGE = /\.resolve\(\s*["']([^"'./][^"']*)\/package\.json["']\s*\)/g;
/** A file name ending in .wasm or .node (a bare ".wasm", as in a MIME table, names no file). */
const BINARY = /["']([^"'\s]*\w\.(?:wasm|node))["']/g;

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

/**
 * Follows the bundles from `entries` (files under `buildDir`, e.g. `main/index.js`); `dependencies` are the
 * app's package names, so a name held in a variable (`const NATIVE = "@tensorflow/tfjs-node"`) counts as loaded.
 */
export function bundleLoads(buildDir: string, entries: readonly string[], dependencies: readonly string[]): BundleLoads {
  const seen = new Set<string>();
  const started = new Set<string>();
  const packages = new Set<string>();
  const dataPackages = new Set<string>();
  const binaries = new Set<string>();
  const queue = entries.map((entry) => resolve(buildDir, entry));
  const name = (file: string): string => toPosix(join('out', relative(buildDir, file)));
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${name(file)} is loaded by the bundle but was not built`);
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const spec of matches(text, RELATIVE_IMPORT)) queue.push(resolve(dirname(file), spec));
    for (const spec of matches(text, STARTED_FILE)) {
      const target = resolve(dirname(file), spec);
      // `new URL('../renderer', …)` names folders the shell serves, not code it starts; the core also names
      // fallbacks (`../training-worker.js` for code in a chunk) that a given build does not have.
      if (!/\.[cm]?js$/.test(target) || !existsSync(target)) continue;
      started.add(name(target));
      queue.push(target);
    }
    for (const spec of matches(text, BARE_IMPORT)) if (!spec.startsWith('node:') && spec !== 'electron') packages.add(packageOf(spec));
    for (const dep of dependencies) if (text.includes(`"${dep}"`) || text.includes(`'${dep}'`)) packages.add(dep);
    for (const spec of matches(text, DATA_PACKAGE)) dataPackages.add(packageOf(spec));
    for (const spec of matches(text, BINARY)) binaries.add(spec);
  }
  return {
    files: [...seen].map(name).sort(),
    started: [...started].sort(),
    packages: [...packages].sort(),
    dataPackages: [...dataPackages].sort(),
    binaries: [...binaries].sort(),
  };
}
