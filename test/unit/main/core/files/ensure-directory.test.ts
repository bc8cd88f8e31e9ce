import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureDirectory, FolderError } from '@core/files/ensure-directory';

const root = mkdtempSync(join(tmpdir(), 'loss-lab-folders-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('ensureDirectory', () => {
  it('creates missing parents and accepts an existing folder', () => {
    const path = join(root, 'a', 'b', 'c');
    expect(ensureDirectory(path)).toBe(path);
    expect(statSync(path).isDirectory()).toBe(true);
    expect(ensureDirectory(path)).toBe(path);
  });

  it('refuses a path through a file, naming it', () => {
    writeFileSync(join(root, 'file'), 'x');
    expect(() => ensureDirectory(join(root, 'file', 'sub'))).toThrow(/file exists and is not a folder/);
  });

  it.skipIf(!existsSync('/proc/self'))('fails at once where procfs refuses children (recursive mkdirSync spins forever there)', () => {
    const error = (() => {
      try {
        ensureDirectory('/proc/nope/x');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(FolderError);
    expect(String(error)).toMatch(/cannot create the folder \/proc\/nope\/x: ENOENT creating \/proc\/nope/);
  });
});
