/** Runs the full-study section: the peer's data files (full MNIST, the same bytes as the app's) and its pool. */
import { join } from 'node:path';
import type { BackendName } from '../../src/shared/run-types';
import { measureFullStudy, type FullStudyResult } from '../sections/full-study';
import { writePeerData } from './data-file';
import { loadFullMnist } from './full-mnist';
import { peerUnavailable } from './torch-peer';
import { trainOnPeers } from './torch-study-peer';

export async function runFullStudy(
  scratch: string,
  backend: BackendName,
  o: { seeds: number; epochs: number; peer: boolean; log: (line: string) => void; notes: string[] },
): Promise<FullStudyResult> {
  let peer: Parameters<typeof measureFullStudy>[0]['peer'] = null;
  const why = o.peer ? peerUnavailable() : 'the PyTorch peer is off (--no-peer)';
  if (why) {
    o.log(`[full-study] ${why}`);
    o.notes.push(`full-study: ${why}`);
  } else {
    const { train, test } = await loadFullMnist();
    const trainPath = join(scratch, 'full-train.bin');
    const testPath = join(scratch, 'full-test.bin');
    writePeerData(trainPath, train);
    writePeerData(testPath, test);
    peer = (runs, processes) => trainOnPeers(trainPath, testPath, runs, processes, o.log);
  }
  return measureFullStudy({ dataDir: join(scratch, 'full-study'), backend, seeds: o.seeds, epochs: o.epochs, peer, log: o.log });
}
