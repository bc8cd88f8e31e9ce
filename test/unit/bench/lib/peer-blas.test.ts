import { describe, expect, it } from 'vitest';
import { blasFromMaps, peerBlas } from '../../../../bench/lib/peer-blas';

const line = (path: string): string => `7f2a1c000000-7f2a1c200000 r-xp 00000000 08:01 1234   ${path}`;
const maps = (...paths: string[]): string =>
  ['55d0c0000000-55d0c0001000 r--p 00000000 08:01 1 /usr/bin/python3.11', '7ffc0000-7ffc1000 rw-p 00000000 00:00 0 [stack]', ...paths.map(line)].join('\n');

describe('blasFromMaps', () => {
  it('names OpenBLAS when the alternatives link resolves to openblas-pthread', () => {
    const blas = blasFromMaps(
      maps('/usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3', '/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so'),
    );
    expect(blas.kind).toBe('openblas');
    expect(blas.label).toBe('OpenBLAS');
    expect(blas.libraries).toEqual(['/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblasp-r0.3.21.so']);
  });

  it('labels the reference BLAS as not what users run', () => {
    const blas = blasFromMaps(maps('/usr/lib/x86_64-linux-gnu/blas/libblas.so.3.11.0'));
    expect(blas.kind).toBe('reference');
    expect(blas.label).toBe('reference BLAS (not what users run)');
  });

  it('prefers MKL and BLIS over a libblas link beside them', () => {
    expect(blasFromMaps(maps('/opt/lib/libblas.so.3', '/opt/conda/lib/libmkl_core.so.2')).kind).toBe('mkl');
    expect(blasFromMaps(maps('/usr/lib/x86_64-linux-gnu/blis-pthread/libblas.so.3', '/usr/lib/x86_64-linux-gnu/libblis.so.4')).kind).toBe('blis');
  });

  it('says so when no BLAS is mapped', () => {
    expect(blasFromMaps(maps('/usr/lib/x86_64-linux-gnu/libc.so.6')).kind).toBe('unknown');
  });

  it('reads a live process, and reports a process that does not exist as unknown', () => {
    expect(peerBlas(process.pid).kind).toMatch(/^(openblas|mkl|blis|reference|unknown)$/);
    expect(peerBlas(2 ** 30).kind).toBe('unknown');
  });
});
