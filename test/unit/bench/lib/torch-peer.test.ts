/**
 * The PyTorch peer's "1 thread" must be one thread in the BLAS too: Debian's torch on libopenblas0-pthread runs
 * its matrix products on OpenBLAS's own thread pool (every core) even after torch.set_num_threads(1), which
 * made the bench compare one Loss Lab thread with two PyTorch cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePeerData } from '../../../../bench/lib/data-file';
import type { DatasetSplit } from '@core/datasets/dataset';
import { peerUnavailable, startTorchPeer, type TorchPeer } from '../../../../bench/lib/torch-peer';

const unavailable = peerUnavailable();
const COUNT = 4096;

/** Deterministic digits-shaped bytes: the peer's speed, not its accuracy, is under test. */
function fakeSplit(): DatasetSplit {
  const images = new Uint8Array(COUNT * 784);
  for (let i = 0; i < images.length; i++) images[i] = (i * 2654435761) >>> 24;
  const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 10);
  return { count: COUNT, images, labels };
}

describe.skipIf(unavailable !== null)(`PyTorch peer threads${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let dir: string;
  let peer: TorchPeer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'loss-lab-peer-'));
    const path = join(dir, 'split.bin');
    writePeerData(path, fakeSplit());
    peer = await startTorchPeer(path);
  }, 60_000);

  afterAll(() => {
    peer?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('limits the BLAS thread pool to one thread when asked for one thread, and says what it used', async () => {
    await peer.epoch({ preset: 'example-1', batch: 128, threads: 1 });
    const epoch = await peer.epoch({ preset: 'example-1', batch: 128, threads: 1 });
    expect(epoch.threads).toBe(1);
    if (peer.blas.kind === 'openblas') expect(epoch.blasThreads).toBe(1);
    // One thread cannot keep more than one core busy (a little slack for the interpreter's housekeeping);
    // no lower bound: on a loaded machine the process gets less than a core.
    expect(epoch.coresUsed).toBeGreaterThan(0);
    expect(epoch.coresUsed).toBeLessThan(1.2);
  }, 60_000);

  it('restores the BLAS default for "default" requests', async () => {
    const epoch = await peer.epoch({ preset: 'example-1', batch: 128, threads: 0 });
    expect(epoch.threads).toBe(peer.defaultThreads);
    expect(epoch.blasThreads).toBe(peer.defaultBlasThreads);
    if (peer.blas.kind === 'openblas') expect(peer.defaultBlasThreads).toBe(cpus().length);
  }, 60_000);
});
