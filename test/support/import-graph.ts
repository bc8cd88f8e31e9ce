/**
 * The source tree's import graph, read from the files' text: every static `import … from`, `export … from`,
 * side-effect `import '…'` and dynamic `import('…')` whose specifier is relative or one of the path aliases.
 * Used by the architecture test (layers and circles); paths are repository-relative with `/` separators.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';

export type ImportGraph = Map<string, Set<string>>;

const ALIASES: Record<string, string> = {
  '@shared/': 'src/shared/',
  '@core/': 'src/main/core/',
  '@hosts/': 'src/main/hosts/',
  '@renderer/': 'src/renderer/src/',
};
const EXTENSIONS = ['', '.ts', '.vue', '/index.ts'];
const SPECIFIER = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"]+)\1/gm;

/** Every `.ts` / `.vue` file under `dir` (repository-relative), generated code included. */
export function sourceFiles(root: string, dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = posix.join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(root, path);
    return /\.(ts|vue)$/.test(name) ? [path] : [];
  });
}

/** The specifiers a file's text imports (bare package names included). */
export function specifiersOf(text: string): string[] {
  return [...text.matchAll(SPECIFIER)].map((m) => m[2]);
}

/** The file `specifier` names from `from`, or null for a package or a file outside `files`. */
export function resolveSpecifier(specifier: string, from: string, files: ReadonlySet<string>): string | null {
  const alias = Object.keys(ALIASES).find((a) => specifier.startsWith(a));
  let base: string;
  if (alias) base = ALIASES[alias] + specifier.slice(alias.length);
  else if (specifier.startsWith('.')) base = posix.normalize(posix.join(posix.dirname(from), specifier));
  else return null;
  const hit = EXTENSIONS.map((e) => base + e).find((p) => files.has(p));
  return hit ?? null;
}

/** The import graph of every source file under `dirs`. */
export function importGraph(root: string, dirs: readonly string[]): ImportGraph {
  const list = dirs.flatMap((d) => sourceFiles(root, d));
  const files = new Set(list);
  const graph: ImportGraph = new Map();
  for (const file of list) {
    const text = readFileSync(join(root, file), 'utf8');
    const targets = specifiersOf(text)
      .map((s) => resolveSpecifier(s, file, files))
      .filter((t): t is string => t !== null && t !== file);
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** Strongly connected components of more than one node (Tarjan): each one is an import circle. */
export function circles(graph: ImportGraph): string[][] {
  let index = 0;
  const stack: string[] = [];
  const onStack = new Set<string>();
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!indices.has(v)) visit(v);
  return found;
}

/** The graph with each file replaced by `groupOf(file)` (self-edges dropped). */
export function groupGraph(graph: ImportGraph, groupOf: (file: string) => string): ImportGraph {
  const grouped: ImportGraph = new Map();
  for (const [from, targets] of graph) {
    const g = groupOf(from);
    const set = grouped.get(g) ?? new Set<string>();
    for (const t of targets) if (groupOf(t) !== g) set.add(groupOf(t));
    grouped.set(g, set);
  }
  return grouped;
}

export const repoRelative = (root: string, path: string): string => relative(root, path).split('\\').join('/');
