import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

const importsElectron = (text: string): boolean => /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]electron(?:\/[^'"]*)?['"]/.test(text);

describe('layers', () => {
  it.each(['src/main/core', 'src/shared', 'src/main/server', 'src/main/cli', 'src/renderer'])('%s never imports electron', (dir) => {
    const offenders = sources(join(root, dir)).filter((file) => importsElectron(readFileSync(file, 'utf8')));
    expect(offenders.map((f) => relative(root, f))).toEqual([]);
  });

  it('the check itself recognises an electron import', () => {
    expect(importsElectron("import { app } from 'electron';")).toBe(true);
    expect(importsElectron("const { ipcRenderer } = require('electron')")).toBe(true);
    expect(importsElectron("import x from 'electron-vite';")).toBe(false);
  });
});
