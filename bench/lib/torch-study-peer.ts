/**
 * Client of bench/peers/torch_study.py: `processes` PyTorch workers (one thread each), each run handed to the
 * next free one, as Loss Lab's scheduler hands runs to its worker threads.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PEER_PYTHON } from './torch-peer';

const SCRIPT = fileURLToPath(new URL('../peers/torch_study.py', import.meta.url));

/** One run of a preset: bench/peers/torch_study.py knows the activations and losses of the built-in study. */
export interface PeerRun {
  /** The configuration's preset id (not read by the peer: it trains example-1 and example-2 alike). */
  presetId: string;
  hidden: string;
  output: string;
  loss: string;
  units: number;
  batch: number;
  epochs: number;
  lr: number;
  seed: number;
}

export interface PeerRunResult {
  seconds: number;
  testAccuracy: number[];
  coresUsed: number;
}

interface PeerProcess {
  train(run: PeerRun): Promise<PeerRunResult>;
  close(): void;
}

async function startProcess(trainPath: string, testPath: string): Promise<PeerProcess> {
  // OPENBLAS_NUM_THREADS too, so not even OpenBLAS's start-up spawns a pool (the script also sets it to 1).
  const child = spawn(PEER_PYTHON, [SCRIPT, trainPath, testPath], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
  });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the PyTorch study peer exited: ${stderr.trim().slice(-500)}`);
    const parsed = JSON.parse(line.value) as Record<string, unknown>;
    if (typeof parsed.error === 'string') throw new Error(`PyTorch study peer: ${parsed.error}`);
    return parsed;
  };
  await next();
  return {
    async train(run) {
      child.stdin.write(`${JSON.stringify(run)}\n`);
      const answer = await next();
      return { seconds: Number(answer.seconds), testAccuracy: (answer.testAccuracy as number[]).map(Number), coresUsed: Number(answer.coresUsed) };
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}

/** Trains every run on `processes` peer processes; wall seconds from the first run's start to the last one's end. */
export async function trainOnPeers(
  trainPath: string,
  testPath: string,
  runs: PeerRun[],
  processes: number,
  log: (line: string) => void,
): Promise<{ seconds: number; results: PeerRunResult[] }> {
  const peers = await Promise.all(Array.from({ length: processes }, () => startProcess(trainPath, testPath)));
  const results: PeerRunResult[] = new Array(runs.length);
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      peers.map(async (peer, p) => {
        while (next < runs.length) {
          const i = next++;
          results[i] = await peer.train(runs[i]);
          log(
            `[full-study] PyTorch process ${p + 1}: run ${i + 1}/${runs.length} in ${results[i].seconds.toFixed(1)} s, test accuracy ${results[i].testAccuracy.at(-1)?.toFixed(4)}`,
          );
        }
      }),
    );
    return { seconds: (performance.now() - started) / 1000, results };
  } finally {
    peers.forEach((p) => p.close());
  }
}
