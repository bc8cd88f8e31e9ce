import { PRESETS } from '../../../../shared/presets';
import type { EpochMetrics, RunDetail, RunStatus } from '../../../../shared/run-types';
import { FINAL_STATUSES } from '../../../../shared/run-types';
import type { Command } from '../command';
import { resolveDataset } from '../default-dataset';
import { num, pct } from '../format';
import { CONFIG_OPTIONS, DEFAULT_BASE_PRESET } from '../options/config-options';
import { DATASET_OPTION, QUEUE_OPTION, JSON_OPTION } from '../options/global-options';
import { createProgress, printJson } from '../progress';
import { resolveRunConfig } from '../run-config';

/** Validation figures only when the run holds data out; test figures whenever the epoch recorded them. */
const epochLine = (m: EpochMetrics, of: number): string =>
  `epoch ${m.epoch}/${of}  loss ${num(m.trainLoss)}  acc ${pct(m.trainAccuracy)}  ` +
  (m.valLoss === null ? '' : `val_loss ${num(m.valLoss)}  val_acc ${pct(m.valAccuracy)}  `) +
  (m.testLoss === null ? '' : `test_loss ${num(m.testLoss)}  test_acc ${pct(m.testAccuracy)}  `) +
  `${m.seconds.toFixed(1)} s  ${Math.round(m.samplesPerSecond)} samples/s`;

function finalLines(run: RunDetail): string[] {
  const e = run.evaluation;
  const head = `run ${run.id} ${run.status} on ${run.backend ?? '?'} backend`;
  const why = run.backendReason === null ? [] : [`backend: ${run.backendReason}`];
  if (!e) return [run.error ? `${head}: ${run.error}` : head, ...why];
  return [
    `${head}: test accuracy ${pct(e.testAccuracy)}, test loss ${num(e.testLoss)} on ${e.testSize} test images`,
    ...why,
    `per class F1: ${e.perClass.map((c) => `${c.label}:${c.f1.toFixed(3)}`).join(' ')}`,
  ];
}

/** Exit code of a finished run. */
export const exitCodeOf = (status: RunStatus): number => ({ completed: 0, diverged: 3, stopped: 130 })[status as string] ?? 1;

export const trainCommand: Command = {
  name: 'train',
  summary: 'Train one model, printing each epoch, then the test evaluation',
  args: [],
  options: [
    {
      name: 'preset',
      type: 'choice',
      valueName: '<id>',
      choices: PRESETS.map((p) => p.id),
      description: 'Base config the flags override',
      default: DEFAULT_BASE_PRESET,
    },
    {
      name: 'config',
      type: 'path',
      valueName: '<run.json>',
      description: 'Base config from a run file, as `lab runs show <id> --config` prints it; applied over --preset',
    },
    DATASET_OPTION,
    QUEUE_OPTION,
    { name: 'name', type: 'string', description: 'Name shown in the history; default: the preset or architecture and the seed' },
    JSON_OPTION,
    ...CONFIG_OPTIONS,
  ],
  examples: [
    'train --preset example-1 --learning-rate 0.01 --epochs 5',
    'train --hidden-activation tanh --output-activation tanh --loss mse --learning-rate 0.01',
    'train --config run.json --seed 2 --json',
  ],
  details:
    'Trains in a worker thread and stores the run in the history. Epoch lines go to stdout; batch progress to ' +
    'stderr. Ctrl-C stops the run (exit 130); a diverged run exits 3.',
  async run({ options: o, session }) {
    const resolved = resolveRunConfig(o);
    const json = o.flag('json');
    const { api } = await session();
    const datasetId = await resolveDataset(api, o.string('dataset') ?? resolved.datasetId);
    const { config } = resolved;
    const progress = createProgress(!json);

    let runId = 0;
    const finished = new Promise<RunStatus>((resolve) => {
      api.runs.onBatch((b) => {
        if (b.runId === runId)
          progress.update(
            `epoch ${b.epoch} batch ${b.batch}/${b.batchesPerEpoch}  loss ${num(b.loss)}  ${Math.round(b.samplesPerSecond)} samples/s  ${Math.ceil(b.etaSeconds)} s left`,
          );
      });
      api.runs.onEpoch(({ runId: id, metrics }) => {
        if (id !== runId) return;
        progress.done();
        if (json) printJson({ type: 'epoch', runId: id, ...metrics });
        else console.log(epochLine(metrics, config.epochs));
      });
      api.runs.onStatus(({ runId: id, status }) => {
        if (id === runId && FINAL_STATUSES.includes(status)) resolve(status);
      });
    });
    const run = await api.runs.start({ config, datasetId, presetId: resolved.presetId, name: o.string('name') ?? resolved.name });
    runId = run.id;
    const stop = (): void => void api.runs.stop({ runId }).catch(() => {});
    process.once('SIGINT', stop);
    if (!json) console.log(`run ${runId} "${run.name}": ${config.epochs} epoch${config.epochs === 1 ? '' : 's'}, seed ${config.seed}, dataset ${datasetId}`);
    const status = await finished;
    process.off('SIGINT', stop);
    progress.done();

    const detail = await api.runs.get({ runId });
    const e = detail.evaluation;
    if (!json) console.log(finalLines(detail).join('\n'));
    else {
      printJson({
        type: 'evaluation',
        runId,
        status,
        backend: detail.backend,
        backendReason: detail.backendReason,
        testAccuracy: e?.testAccuracy ?? null,
        testLoss: e?.testLoss ?? null,
        testSize: e?.testSize ?? null,
        confusion: e?.confusion ?? null,
        perClass: e?.perClass ?? null,
        error: detail.error,
      });
    }
    return exitCodeOf(status);
  },
};
