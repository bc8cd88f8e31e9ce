/**
 * The layers of docs/ARCHITECTURE.md, held against the code: who may import whom, no import circles (between
 * files, and between the core's folders), and `electron` only in the Electron host and its entry.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { circles, groupGraph, importGraph, specifiersOf, type ImportGraph } from '@support/import-graph';

const root = join(__dirname, '../..');
const graph = importGraph(root, ['src']);

/**
 * The layers, lowest first: shared ← core ← hosts ← the Electron entry. The renderer and the preload sit on
 * shared alone (they talk to main only through the contract). A host may use the hosts' common files, never
 * another host.
 */
function layerOf(file: string): string {
  if (file.startsWith('src/shared/')) return 'shared';
  if (file.startsWith('src/main/core/')) return 'core';
  const host = /^src\/main\/hosts\/([^/]+)\//.exec(file);
  if (host) return `hosts/${host[1]}`;
  if (file === 'src/main/index.ts') return 'entry';
  if (file.startsWith('src/renderer/')) return 'renderer';
  if (file.startsWith('src/preload/')) return 'preload';
  return 'unplaced';
}

const ALLOWED: Record<string, (target: string) => boolean> = {
  shared: (t) => t === 'shared',
  core: (t) => t === 'shared' || t === 'core',
  'hosts/common': (t) => ['shared', 'core', 'hosts/common'].includes(t),
  entry: (t) => t === 'shared' || t === 'core' || t.startsWith('hosts/'),
  renderer: (t) => t === 'shared' || t === 'renderer',
  preload: (t) => t === 'shared' || t === 'preload',
};
const allowed = (from: string, to: string): boolean => (ALLOWED[from] ?? ((t: string) => ['shared', 'core', 'hosts/common', from].includes(t)))(to);

/** Imports that break the layer rules, as `from -> to` lines. */
function layerViolations(g: ImportGraph, layer: (file: string) => string): string[] {
  const out: string[] = [];
  for (const [from, targets] of g) for (const to of targets) if (!allowed(layer(from), layer(to))) out.push(`${from} -> ${to}`);
  return out;
}

/**
 * The core's folders, lowest first: a folder imports only folders before it (files at the core's root —
 * `random`, `version` — come first).
 */
const CORE_ORDER = ['(root)', 'files', 'store', 'datasets', 'training', 'exports', 'studies', 'queue', 'lab'];
const coreFolderOf = (file: string): string => {
  const rest = file.slice('src/main/core/'.length);
  return rest.includes('/') ? rest.split('/')[0] : '(root)';
};

function coreOrderViolations(g: ImportGraph): string[] {
  const out: string[] = [];
  for (const [from, targets] of g) {
    if (layerOf(from) !== 'core') continue;
    for (const to of targets) {
      if (layerOf(to) !== 'core') continue;
      const [a, b] = [CORE_ORDER.indexOf(coreFolderOf(from)), CORE_ORDER.indexOf(coreFolderOf(to))];
      if (a < 0 || b < 0 || b > a) out.push(`${from} -> ${to}`);
    }
  }
  return out;
}

/** Where `electron` may be imported: the thin shell (its host folder, the entry, the preload). */
const ELECTRON_SHELL = ['src/main/hosts/electron/', 'src/main/index.ts', 'src/preload/'];
const importsElectron = (text: string): boolean => specifiersOf(text).some((s) => s === 'electron' || s.startsWith('electron/'));

describe('architecture', () => {
  it('every source file is in a layer', () => {
    expect([...graph.keys()].filter((f) => layerOf(f) === 'unplaced')).toEqual([]);
  });

  it('imports go only down the layers: shared ← core ← hosts ← the Electron entry; renderer and preload on shared', () => {
    expect(layerViolations(graph, layerOf)).toEqual([]);
  });

  it('no import circles between files', () => {
    expect(circles(graph)).toEqual([]);
  });

  it("the core's folders import only the folders below them, so no circle between them either", () => {
    expect(coreOrderViolations(graph)).toEqual([]);
    const folders = groupGraph(new Map([...graph].filter(([f]) => layerOf(f) === 'core')), coreFolderOf);
    expect(circles(folders)).toEqual([]);
  });

  it('only the Electron host, its entry and the preload import electron', () => {
    const offenders = [...graph.keys()].filter((f) => !ELECTRON_SHELL.some((p) => f.startsWith(p)) && importsElectron(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  describe('the checks themselves', () => {
    it('find a circle and a folder circle', () => {
      const g: ImportGraph = new Map([
        ['a.ts', new Set(['b.ts'])],
        ['b.ts', new Set(['c.ts'])],
        ['c.ts', new Set(['a.ts'])],
        ['d.ts', new Set(['a.ts'])],
      ]);
      expect(circles(g)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
      expect(circles(new Map([['d.ts', new Set(['a.ts'])]]))).toEqual([]);
    });

    it('refuse an upward import, a host importing another host, and the renderer importing the core', () => {
      const g: ImportGraph = new Map([
        ['src/main/core/lab/x.ts', new Set(['src/main/hosts/cli/y.ts'])],
        ['src/main/hosts/cli/y.ts', new Set(['src/main/hosts/server/z.ts', 'src/main/hosts/common/csp.ts'])],
        ['src/renderer/src/a.ts', new Set(['src/main/core/lab/x.ts', 'src/shared/contract.ts'])],
      ]);
      expect(layerViolations(g, layerOf)).toEqual([
        'src/main/core/lab/x.ts -> src/main/hosts/cli/y.ts',
        'src/main/hosts/cli/y.ts -> src/main/hosts/server/z.ts',
        'src/renderer/src/a.ts -> src/main/core/lab/x.ts',
      ]);
    });

    it('refuse a core folder importing one above it', () => {
      const g: ImportGraph = new Map([['src/main/core/store/a.ts', new Set(['src/main/core/lab/b.ts', 'src/main/core/random.ts'])]]);
      expect(coreOrderViolations(g)).toEqual(['src/main/core/store/a.ts -> src/main/core/lab/b.ts']);
    });

    it('recognise an electron import', () => {
      expect(importsElectron("import { app } from 'electron';")).toBe(true);
      expect(importsElectron("const m = await import('electron');")).toBe(true);
      expect(importsElectron("const { ipcRenderer } = require('electron')")).toBe(true);
      expect(importsElectron("import x from 'electron-vite';")).toBe(false);
    });
  });
});
