/** Peak RSS of a process that trains one run, measured in a fresh child so nothing else inflates it. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BackendName } from '../../src/shared/run-types';
import { load1, sig } from '../lib/stats';

const CHILD = fileURLToPath(new URL('../children/train-rss.ts', import.meta.url));

export interface RssResult {
  backend: BackendName;
  preset: string;
  epochs: number;
  /** MiB resident before any tensor existed, and at the peak of training (incl. the final evaluation). */
  startRssMiB: number;
  peakRssMiB: number;
  load: number;
}

export function measureRss(cachePath: string, backend: BackendName, preset: string, epochs: number): RssResult {
  const load = load1();
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, backend, cachePath, preset, String(epochs)], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`the RSS child failed: ${child.stderr.slice(-800)}`);
  const line =
    child.stdout
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .pop() ?? '{}';
  const parsed = JSON.parse(line) as { backend: BackendName; startRssMiB: number; peakRssMiB: number; status: string };
  if (parsed.status !== 'completed') throw new Error(`the RSS child's run ended ${parsed.status}`);
  return { backend: parsed.backend, preset, epochs, startRssMiB: sig(parsed.startRssMiB), peakRssMiB: sig(parsed.peakRssMiB), load };
}
