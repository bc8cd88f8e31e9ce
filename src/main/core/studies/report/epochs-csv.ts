/** All epochs of all a study's runs as CSV: one row per run × epoch, with the configuration's columns. */
import type { RunDetail } from '../../../../shared/run-types';
import type { StudyConfiguration } from '../../../../shared/study-types';
import { configurationKeyOf } from '../plan/config-match';

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Layer names over all runs, in first-seen order. */
function allLayers(runs: readonly RunDetail[]): string[] {
  const names = new Set<string>();
  for (const r of runs) for (const e of r.epochs) for (const l of e.layers) names.add(l.layer);
  return [...names];
}

const RUN_COLUMNS = [
  'run_id',
  'run_name',
  'configuration',
  'seed',
  'status',
  'loss',
  'hidden_activation',
  'output_activation',
  'hidden_units',
  'target_encoding',
  'output_rescale',
  'optimizer',
  'learning_rate',
  'batch_size',
  'epochs_planned',
  'final_test_accuracy',
  'final_test_loss',
];
/** `val_*` is empty for runs without a validation split; `test_*` is empty for runs recorded before schema 2. */
const EPOCH_COLUMNS = ['epoch', 'train_loss', 'train_accuracy', 'val_loss', 'val_accuracy', 'test_loss', 'test_accuracy', 'seconds', 'samples_per_second'];

/**
 * The CSV text (CRLF line ends, header first). Per-layer columns `<layer>_gradient_norm`,
 * `<layer>_saturated_fraction` and `<layer>_dead_fraction` cover every layer seen; empty where absent.
 */
export function epochsCsv(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): string {
  const layers = allLayers(runs);
  const layerColumns = layers.flatMap((l) => [`${l}_gradient_norm`, `${l}_saturated_fraction`, `${l}_dead_fraction`]);
  const lines = [[...RUN_COLUMNS, ...EPOCH_COLUMNS, ...layerColumns].join(',')];
  for (const run of runs) {
    const c = run.config;
    const runCells = [
      run.id,
      run.name,
      configurationKeyOf(c, configurations),
      run.seed,
      run.status,
      c.loss,
      c.hiddenActivation,
      c.outputActivation,
      c.hiddenUnits.join('-'),
      c.targetEncoding,
      c.outputRescale,
      c.optimizer,
      c.learningRate,
      c.batchSize,
      c.epochs,
      run.evaluation?.testAccuracy ?? null,
      run.evaluation?.testLoss ?? null,
    ];
    for (const e of run.epochs) {
      const epochCells = [e.epoch, e.trainLoss, e.trainAccuracy, e.valLoss, e.valAccuracy, e.testLoss, e.testAccuracy, e.seconds, e.samplesPerSecond];
      const layerCells = layers.flatMap((name) => {
        const l = e.layers.find((x) => x.layer === name);
        return [l?.gradientNorm ?? null, l?.saturatedFraction ?? null, l?.deadFraction ?? null];
      });
      lines.push([...runCells, ...epochCells, ...layerCells].map(csvField).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
