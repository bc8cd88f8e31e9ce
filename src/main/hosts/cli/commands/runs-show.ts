import type { RunDetail } from '../../../../shared/run-types';
import { idArgument } from '../arguments';
import type { Command } from '../command';
import { num, pct, table } from '../format';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { runFileOf } from '../run-config';

/** The model in one line: `128 tanh → 10 tanh, loss mse, …`. */
export const modelLine = (run: RunDetail): string => {
  const c = run.config;
  return (
    `${c.hiddenUnits.join('-')} ${c.hiddenActivation} → 10 ${c.outputActivation}, loss ${c.loss}, targets ${c.targetEncoding}, ` +
    `rescale ${c.outputRescale}, ${c.optimizer} lr ${c.learningRate}, batch ${c.batchSize}, seed ${c.seed}`
  );
};

function printRun(run: RunDetail): void {
  console.log(`run ${run.id} "${run.name}": ${run.status} on ${run.backend ?? '—'}, dataset ${run.datasetId}`);
  console.log(`model: ${modelLine(run)}`);
  if (run.error) console.log(`error: ${run.error}`);
  if (run.epochs.length) {
    console.log(
      table([
        ['epoch', 'loss', 'acc', 'val loss', 'val acc', 'test loss', 'test acc', 'seconds', 'samples/s'],
        ...run.epochs.map((m) => [
          String(m.epoch),
          num(m.trainLoss),
          pct(m.trainAccuracy),
          num(m.valLoss),
          pct(m.valAccuracy),
          num(m.testLoss),
          pct(m.testAccuracy),
          m.seconds.toFixed(1),
          String(Math.round(m.samplesPerSecond)),
        ]),
      ]),
    );
  }
  const e = run.evaluation;
  if (!e) return;
  console.log(`test accuracy ${pct(e.testAccuracy)}, loss ${num(e.testLoss)}, ${e.misclassifiedCount} of ${e.testSize} misclassified`);
  console.log(
    table([
      ['class', 'precision', 'recall', 'f1', 'support'],
      ...e.perClass.map((k) => [String(k.label), num(k.precision, 3), num(k.recall, 3), num(k.f1, 3), String(k.support)]),
    ]),
  );
}

export const runsShowCommand: Command = {
  name: 'runs show',
  summary: 'Show a run: its config, epochs and test evaluation',
  args: [{ name: 'id', description: 'Run id, from `lab runs list`', required: true }],
  options: [
    { name: 'config', type: 'boolean', description: 'Print only the run file (dataset and config, JSON) that `lab train --config` reads' },
    JSON_OPTION,
  ],
  examples: ['runs show 3', 'runs show 3 --config > run.json', 'runs show 3 --json'],
  async run({ args, options: o, session }) {
    const runId = idArgument(args[0], 'the run id', 'runs show 3');
    const { api } = await session();
    const run = await api.runs.get({ runId });
    if (o.flag('config')) console.log(JSON.stringify(runFileOf(run), null, 2));
    else if (o.flag('json')) printJson(run);
    else printRun(run);
    return 0;
  },
};
