import { findPreset, PRESETS } from '../../../shared/presets';
import type { EpochMetrics, RunDetail, RunStatus } from '../../../shared/run-types';
import { FINAL_STATUSES } from '../../../shared/run-types';
import type { CliSession } from '../cli-lab';
import { num, pct } from '../format';
import { UsageError } from '../usage-error';

export interface TrainOptions {
  preset: string;
  epochs?: number;
  seed?: number;
  dataset: string;
  json: boolean;
}

/** Validation figures only when the run holds data out; test figures whenever the epoch recorded them. */
const epochLine = (m: EpochMetrics, of: number): string =>
  `epoch ${m.epoch}/${of}  loss ${num(m.trainLoss)}  acc ${pct(m.trainAccuracy)}  ` +
  (m.valLoss === null ? '' : `val_loss ${num(m.valLoss)}  val_acc ${pct(m.valAccuracy)}  `) +
  (m.testLoss === null ? '' : `test_loss ${num(m.testLoss)}  test_acc ${pct(m.testAccuracy)}  `) +
  `${m.seconds.toFixed(1)} s  ${Math.round(m.samplesPerSecond)} samples/s`;

function finalLines(run: RunDetail): string[] {
  const e = run.evaluation;
  const head = `run ${run.id} ${run.status} on ${run.backend ?? '?'} backend`;
  if (!e) return [run.error ? `${head}: ${run.error}` : head];
  return [
    `${head}: test accuracy ${pct(e.testAccuracy)}, test loss ${num(e.testLoss)} on ${e.testSize} test images`,
    `per class F1: ${e.perClass.map((c) => `${c.label}:${c.f1.toFixed(3)}`).join(' ')}`,
  ];
}

/** Trains one preset to the end, printing each epoch; resolves with the final status. */
export async function train({ api }: CliSession, o: TrainOptions): Promise<RunStatus> {
  const preset = findPreset(o.preset);
  if (!preset) throw new UsageError(`unknown preset "${o.preset}"; choose one of: ${PRESETS.map((p) => p.id).join(', ')}`);
  const config = { ...preset.config, epochs: o.epochs ?? preset.config.epochs, seed: o.seed ?? preset.config.seed };
  const out = (line: string, json: object): void => console.log(o.json ? JSON.stringify(json) : line);

  let runId = 0;
  const finished = new Promise<RunStatus>((resolve) => {
    api.runs.onEpoch(({ runId: id, metrics }) => {
      if (id === runId) out(epochLine(metrics, config.epochs), { type: 'epoch', runId: id, ...metrics });
    });
    api.runs.onStatus(({ runId: id, status }) => {
      if (id === runId && FINAL_STATUSES.includes(status)) resolve(status);
    });
  });
  const run = await api.runs.start({ config, datasetId: o.dataset, presetId: preset.id });
  runId = run.id;
  const stop = (): void => void api.runs.stop({ runId }).catch(() => {});
  process.once('SIGINT', stop);
  if (!o.json) console.log(`run ${runId}: ${preset.name}, ${config.epochs} epochs, seed ${config.seed}, dataset ${o.dataset}`);
  const status = await finished;
  process.off('SIGINT', stop);

  const detail = await api.runs.get({ runId });
  const e = detail.evaluation;
  out(finalLines(detail).join('\n'), {
    type: 'evaluation',
    runId,
    status,
    backend: detail.backend,
    testAccuracy: e?.testAccuracy ?? null,
    testLoss: e?.testLoss ?? null,
    testSize: e?.testSize ?? null,
    confusion: e?.confusion ?? null,
    perClass: e?.perClass ?? null,
    error: detail.error,
  });
  return status;
}
