/** Command-line options of `npm run bench`. */
import { BACKEND_NAMES, type BackendName } from '../../src/shared/run-types';

export const SECTIONS = ['throughput', 'latency', 'rss', 'scale', 'study', 'full-study'] as const;
export type Section = (typeof SECTIONS)[number];

export interface BenchOptions {
  sections: Section[];
  backends: BackendName[];
  batches: number[];
  /** Timed epochs per cell after the warm-up (median reported). */
  reps: number;
  cpuReps: number;
  studyReps: number;
  studyRuns: number;
  /** Epochs of each study run: 10, as the seed article's runs have. */
  studyEpochs: number;
  /** Seeds of the full-MNIST built-in study (5 configurations each). */
  studySeeds: number;
  peer: boolean;
  /** Tag added to the results file name, e.g. `before` or `after`. */
  label: string;
}

export const USAGE = `npm run bench -- [options]
  --sections a,b     of ${SECTIONS.join(', ')} (default: all)
  --backends a,b     of tensorflow, wasm, cpu (default: all; those that do not load are skipped)
  --batches 32,128   batch sizes of the throughput table
  --reps N           timed epochs per cell after a warm-up (default 3; cpu: --cpu-reps, default 2)
  --study-runs N     runs per study round (default 4), --study-reps N rounds (default 2),
                     --study-epochs N epochs a run (default 10, as the seed article's runs)
  --study-seeds N    seeds of the full-study section: the built-in study on full MNIST, 5 configurations
                     × N seeds (default 1, ~10 min on 2 cores; 5 is the real study, ~45 min)
  --no-peer          skip the PyTorch peer
  --quick            one repetition everywhere (a smoke test, not a measurement)
  --label NAME       tag for the results file (bench/results/<time>-<label>.json)`;

function list<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) if (!allowed.includes(item as T)) throw new Error(`${flag}: "${item}" is not one of ${allowed.join(', ')}`);
  return items as T[];
}

function count(value: string | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1, got "${value}"`);
  return n;
}

export function parseArgs(argv: string[]): BenchOptions | 'help' {
  const o: BenchOptions = {
    sections: [...SECTIONS],
    backends: [...BACKEND_NAMES],
    batches: [32, 128],
    reps: 3,
    cpuReps: 2,
    studyReps: 2,
    studyRuns: 4,
    studyEpochs: 10,
    studySeeds: 1,
    peer: true,
    label: 'run',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') return 'help';
    else if (flag === '--sections') o.sections = list(value(), SECTIONS, flag);
    else if (flag === '--backends') o.backends = list(value(), BACKEND_NAMES, flag);
    else if (flag === '--batches')
      o.batches = value()
        .split(',')
        .map((v) => count(v, flag));
    else if (flag === '--reps') o.reps = count(value(), flag);
    else if (flag === '--cpu-reps') o.cpuReps = count(value(), flag);
    else if (flag === '--study-reps') o.studyReps = count(value(), flag);
    else if (flag === '--study-runs') o.studyRuns = count(value(), flag);
    else if (flag === '--study-epochs') o.studyEpochs = count(value(), flag);
    else if (flag === '--study-seeds') o.studySeeds = count(value(), flag);
    else if (flag === '--no-peer') o.peer = false;
    else if (flag === '--quick') Object.assign(o, { reps: 1, cpuReps: 1, studyReps: 1, studyRuns: 2, studyEpochs: 2 });
    else if (flag === '--label') o.label = value().replace(/[^\w.-]+/g, '-');
    else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  return o;
}
