/** Client of bench/peers/torch_mlp.py: one long-lived Python process answering one JSON line per request. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { peerBlas, type PeerBlas } from './peer-blas';

/** Debian's interpreter, which has python3-torch (the pyenv `python3` on PATH does not). */
export const PEER_PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('../peers/torch_mlp.py', import.meta.url));

export interface PeerRequest {
  preset: 'example-1' | 'example-3';
  batch: number;
  /** 0: what a user gets without asking (torch's and the BLAS's default thread counts); N: N in both. */
  threads: number;
}

export interface PeerEpoch {
  /** Samples per second over one whole epoch. */
  samplesPerSecond: number;
  seconds: number;
  /** Mean training loss of the epoch. */
  loss: number;
  /** torch.get_num_threads() during the epoch. */
  threads: number;
  /** The BLAS library's own thread pool (OpenBLAS's), which torch.set_num_threads does not set; null if not OpenBLAS. */
  blasThreads: number | null;
  /** CPU seconds ÷ wall seconds of the peer process over the epoch: the cores it really kept busy. */
  coresUsed: number;
}

export interface TorchPeer {
  torchVersion: string;
  /** The thread count torch picked at start-up on this machine. */
  defaultThreads: number;
  /** OpenBLAS's own default thread count (all cores unless OPENBLAS_NUM_THREADS says otherwise); null if not OpenBLAS. */
  defaultBlasThreads: number | null;
  /** The BLAS library the peer process loaded (read from its memory map once torch is imported). */
  blas: PeerBlas;
  epoch(request: PeerRequest): Promise<PeerEpoch>;
  close(): void;
}

/** Why the peer cannot run here (no interpreter, or no torch), or null when it can. */
export function peerUnavailable(): string | null {
  const probe = spawnSync(PEER_PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (probe.error) return `${PEER_PYTHON} cannot run (${probe.error.message}): skipping the PyTorch peer`;
  if (probe.status !== 0) return `${PEER_PYTHON} has no torch (install Debian's python3-torch): skipping the PyTorch peer`;
  return null;
}

/** Starts the peer on the data file written by `writePeerData`; resolves once it has loaded the data. */
export async function startTorchPeer(dataPath: string): Promise<TorchPeer> {
  const child: ChildProcessWithoutNullStreams = spawn(PEER_PYTHON, [SCRIPT, dataPath], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const next = async (): Promise<Record<string, unknown>> => {
    const line = await lines.next();
    if (line.done) throw new Error(`the PyTorch peer exited: ${stderr.trim().slice(-500)}`);
    const parsed = JSON.parse(line.value) as Record<string, unknown>;
    if (typeof parsed.error === 'string') throw new Error(`PyTorch peer: ${parsed.error}`);
    return parsed;
  };
  const ready = await next();
  return {
    torchVersion: String(ready.torch),
    defaultThreads: Number(ready.defaultThreads),
    defaultBlasThreads: ready.defaultBlasThreads === null ? null : Number(ready.defaultBlasThreads),
    blas: child.pid === undefined ? { kind: 'unknown', libraries: [], label: 'the peer has no process id' } : peerBlas(child.pid),
    async epoch(request) {
      child.stdin.write(`${JSON.stringify({ ...request, epochs: 1 })}\n`);
      const answer = await next();
      return {
        samplesPerSecond: Number(answer.samplesPerSecond),
        seconds: Number(answer.seconds),
        loss: Number(answer.loss),
        threads: Number(answer.threads),
        blasThreads: answer.blasThreads === null ? null : Number(answer.blasThreads),
        coresUsed: Number(answer.coresUsed),
      };
    },
    close() {
      child.stdin.end();
      child.kill();
    },
  };
}
