/**
 * Which BLAS the PyTorch peer process actually loaded, read from its memory map (`/proc/<pid>/maps`).
 *
 * Debian's python3-torch links `libblas.so.3`, whichever library the alternatives system points it at: the
 * reference BLAS (`libblas3`, ~4× slower on this model) unless an optimised one such as
 * `libopenblas0-pthread` is installed. pip and conda builds bring MKL or OpenBLAS. The peer is only a fair
 * comparison on an optimised BLAS, so the bench says which one it measured.
 */
import { readFileSync } from 'node:fs';

export type BlasKind = 'openblas' | 'mkl' | 'blis' | 'reference' | 'unknown';

export interface PeerBlas {
  kind: BlasKind;
  /** The mapped library files that decided `kind` (resolved paths, as the kernel lists them). */
  libraries: string[];
  /** What the table header says. */
  label: string;
}

/** Order matters: an optimised BLAS maps its own file and often a libblas.so.3 link next to it. */
const PATTERNS: readonly [BlasKind, RegExp][] = [
  ['mkl', /libmkl_[\w.-]*\.so/],
  ['openblas', /libopenblas[\w.-]*\.so/],
  ['blis', /libblis[\w.-]*\.so/],
  ['reference', /\/libblas\.so[\d.]*$/],
];

/** The label of a kind in the table header and JSON. */
export function blasLabel(kind: BlasKind): string {
  switch (kind) {
    case 'reference':
      return 'reference BLAS (not what users run)';
    case 'unknown':
      return 'no BLAS library found in the peer process';
    default:
      return kind === 'mkl' ? 'MKL' : kind === 'blis' ? 'BLIS' : 'OpenBLAS';
  }
}

/** Classifies the text of a `/proc/<pid>/maps` file. */
export function blasFromMaps(maps: string): PeerBlas {
  const files = new Set<string>();
  for (const line of maps.split('\n')) {
    const path = line.trim().split(/\s+/)[5];
    if (path?.startsWith('/')) files.add(path);
  }
  for (const [kind, pattern] of PATTERNS) {
    const libraries = [...files].filter((f) => pattern.test(f)).sort();
    if (libraries.length > 0) return { kind, libraries, label: blasLabel(kind) };
  }
  return { kind: 'unknown', libraries: [], label: blasLabel('unknown') };
}

/** The BLAS process `pid` has mapped; 'unknown' when its maps cannot be read (not Linux, or it exited). */
export function peerBlas(pid: number): PeerBlas {
  try {
    return blasFromMaps(readFileSync(`/proc/${pid}/maps`, 'utf8'));
  } catch {
    return { kind: 'unknown', libraries: [], label: `cannot read /proc/${pid}/maps` };
  }
}
