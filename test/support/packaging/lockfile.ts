/**
 * The packages a set of packages needs at run time, read from package-lock.json: the tree npm installed and
 * electron-builder copies into the app (it packs production dependencies, never devDependencies). Read from
 * the lockfile rather than node_modules so that packages which did not install here (the optional
 * @tensorflow/tfjs-node, whose install downloads libtensorflow) are still accounted for.
 */
import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

interface LockEntry {
  dev?: boolean;
  optional?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

export interface LockedPackage {
  name: string;
  /** Its folder relative to the project, as npm installed it: `node_modules/a` or `node_modules/a/node_modules/b`. */
  dir: string;
  optional: boolean;
}

function readLock(projectDir: string): Record<string, LockEntry> {
  const lock: unknown = JSON.parse(readFileSync(join(projectDir, 'package-lock.json'), 'utf8'));
  const packages: unknown = typeof lock === 'object' && lock !== null ? Reflect.get(lock, 'packages') : undefined;
  if (typeof packages !== 'object' || packages === null) throw new Error('package-lock.json has no "packages" (lockfileVersion ≥ 2 expected)');
  return Object.fromEntries(Object.entries(packages));
}

/** Node's lookup, on the lockfile: `name` from `fromDir` is the nearest `<ancestor>/node_modules/name`. */
function locate(packages: Record<string, LockEntry>, fromDir: string, name: string): string | null {
  let dir = fromDir;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (packages[candidate] !== undefined) return candidate;
    if (dir === '') return null;
    // Up one package: strip the last `node_modules/<name>` (scoped names have two segments).
    const at = dir.lastIndexOf('node_modules/');
    dir = at <= 0 ? '' : dir.slice(0, at - 1);
  }
}

/**
 * Every package `roots` need, themselves included, following dependencies, optional and peer dependencies
 * (npm installs peers). A missing optional or peer dependency is skipped, as npm and Node would; a missing
 * required one is an error, since the app would fail to load it.
 */
export function runtimeClosure(projectDir: string, roots: readonly string[]): LockedPackage[] {
  const packages = readLock(projectDir);
  const found = new Map<string, LockedPackage>();
  const visit = (fromDir: string, name: string, required: boolean): void => {
    const dir = locate(packages, fromDir, name);
    if (dir === null) {
      if (required) throw new Error(`package-lock.json: ${name} (needed from ${fromDir || 'the project'}) is not in the tree`);
      return;
    }
    if (found.has(dir)) return;
    const entry = packages[dir] ?? {};
    if (entry.dev === true) throw new Error(`${dir} is a devDependency: electron-builder would not pack it`);
    found.set(dir, { name, dir, optional: entry.optional === true });
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(dir, dep, true);
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(dir, dep, false);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(dir, dep, false);
  };
  for (const root of roots) visit('', root, true);
  return [...found.values()].sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The package that a bare specifier (`@scope/name/sub/path`, `name/sub`) names. */
export function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export const toPosix = (path: string): string => path.split('\\').join(posix.sep);
