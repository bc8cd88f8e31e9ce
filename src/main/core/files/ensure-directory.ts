/**
 * Creates a folder and its missing parents in a bounded number of steps. Node's `mkdirSync(path, {recursive})`
 * loops forever at 100 % CPU where a parent exists but refuses children with ENOENT (e.g. `/proc/nope/x`), and
 * ignores SIGTERM meanwhile; this walks the path once, so no user-chosen path can hang the process.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CoreError } from '../errors';

/** A folder that cannot be created, with the path and the reason in its message: the path asked for is unusable. */
export class FolderError extends CoreError {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super('invalid_request', `cannot create the folder ${path}: ${reason}`);
    this.name = 'FolderError';
  }
}

function kindOf(path: string): 'directory' | 'other' | 'missing' {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'other';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: a parent is a file, which the walk up then reports.
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'missing';
    throw new FolderError(path, code ?? String(error));
  }
}

/** Makes `path` (resolved against the cwd) a folder, creating missing parents. Returns the absolute path. */
export function ensureDirectory(path: string): string {
  const target = resolve(path);
  const missing: string[] = [];
  let current = target;
  // Each step goes one level up, so this ends at the root at the latest.
  for (;;) {
    const kind = kindOf(current);
    if (kind === 'directory') break;
    if (kind === 'other') throw new FolderError(target, `${current} exists and is not a folder`);
    missing.push(current);
    const parent = dirname(current);
    if (parent === current) throw new FolderError(target, 'no part of the path exists');
    current = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      mkdirSync(folder);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Another process may have created it meanwhile; anything else is final.
      if (code === 'EEXIST' && kindOf(folder) === 'directory') continue;
      throw new FolderError(target, `${code ?? String(error)} creating ${folder}`);
    }
  }
  return target;
}
