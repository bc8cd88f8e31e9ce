/**
 * `npm run lab -- <command>`: the core's API for scripts and headless machines.
 *   train --preset <id> [--epochs N] [--seed S] [--dataset ID] [--json]
 *   runs list [--json] | runs show <id> [--json]
 *   datasets list [--json] | datasets import <dir-or-files…> [--name NAME]
 *   study run seed-article [--seeds N] [--epochs N] [--workers N] [--json] | study export <id> --out <dir>
 * Global: --data-dir DIR (or LOSS_LAB_DATA_DIR). Exit codes: 0 ok, 1 failure, 2 bad input, 3 run diverged, 130 stopped.
 */
import { parseArgs } from 'node:util';
import { defaultDataDir } from '../server/data-dir';
import { LabError, openCliSession } from './cli-lab';
import { importDataset, listDatasets } from './commands/datasets';
import { listRuns, showRun } from './commands/runs';
import { exportStudy, runBuiltinStudy } from './commands/study';
import { train } from './commands/train';
import { UsageError } from './usage-error';

const USAGE = 'usage: lab train --preset <id> | runs list|show <id> | datasets list|import <paths…> | study run seed-article | study export <id> --out <dir>';

function integer(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return n;
}

async function main(argv: string[]): Promise<number> {
  const { values: o, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      preset: { type: 'string' },
      epochs: { type: 'string' },
      seed: { type: 'string' },
      seeds: { type: 'string' },
      workers: { type: 'string' },
      dataset: { type: 'string', default: 'mnist-embedded' },
      name: { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    },
  });
  const [command, sub, ...rest] = positionals;
  const dataDir = o['data-dir'] ?? process.env['LOSS_LAB_DATA_DIR'] ?? defaultDataDir();
  const key = command === 'train' ? 'train' : `${command} ${sub}`;
  const known = ['train', 'runs list', 'runs show', 'datasets list', 'datasets import', 'study run', 'study export'];
  if (!known.includes(key)) throw new UsageError(command ? `unknown command "${positionals.join(' ')}"; ${USAGE}` : USAGE);
  if (key === 'train' && !o.preset) throw new UsageError('train needs --preset (example-1, example-2, example-3, …)');

  const session = await openCliSession(dataDir, integer(o.workers, '--workers'));
  try {
    switch (key) {
      case 'train': {
        const status = await train(session, {
          preset: o.preset ?? '',
          epochs: integer(o.epochs, '--epochs'),
          seed: integer(o.seed, '--seed'),
          dataset: o.dataset ?? 'mnist-embedded',
          json: o.json ?? false,
        });
        return { completed: 0, diverged: 3, stopped: 130 }[status as string] ?? 1;
      }
      case 'runs list':
        await listRuns(session, o.json ?? false);
        return 0;
      case 'runs show':
        await showRun(session, sub === 'show' ? rest[0] : undefined, o.json ?? false);
        return 0;
      case 'datasets list':
        await listDatasets(session, o.json ?? false);
        return 0;
      case 'datasets import':
        await importDataset(session, rest, o.name, o.json ?? false);
        return 0;
      case 'study run':
        if (rest[0] !== 'seed-article') throw new UsageError('the built-in study is "seed-article": `study run seed-article`');
        await runBuiltinStudy(session, {
          seeds: integer(o.seeds, '--seeds'),
          epochs: integer(o.epochs, '--epochs'),
          dataset: o.dataset ?? 'mnist-embedded',
          json: o.json ?? false,
        });
        return 0;
      default:
        if (!o.out) throw new UsageError('study export needs --out <dir>');
        await exportStudy(session, integer(rest[0], 'study id'), o.out, o.json ?? false);
        return 0;
    }
  } finally {
    await session.lab.close();
  }
}

// Should the command's work ever stop without settling `main` (an awaited event that never comes), Node would
// exit 0 once nothing is left to do: never report success for a result that was not seen.
process.once('beforeExit', () => {
  console.error('loss-lab: the command stopped before it had a result (this is a bug in Loss Lab; please report it)');
  process.exit(1);
});
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const badInput = error instanceof UsageError || (error instanceof LabError && ['invalid_request', 'not_found', 'dataset_error'].includes(error.code));
    console.error(`loss-lab: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(badInput ? 2 : 1);
  },
);
