import { FIELD_TITLES } from '../../../../shared/field-titles';
import type { ModelConfig } from '../../../../shared/model-config';
import type { RunDetail } from '../../../../shared/run-types';
import { idArgument } from '../arguments';
import type { Command } from '../command';
import { clip, num, pct, table } from '../format';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

const fields = Object.keys(FIELD_TITLES) as (keyof ModelConfig)[];
const shown = (v: ModelConfig[keyof ModelConfig]): string => (v === undefined ? '—' : Array.isArray(v) ? v.join(',') : String(v));

/** Config fields whose values differ between the two runs. */
export const differingFields = (a: ModelConfig, b: ModelConfig): (keyof ModelConfig)[] => fields.filter((f) => shown(a[f]) !== shown(b[f]));

/** Three tables: config side by side (differences marked), final metrics, and the curves epoch by epoch. */
export function comparison(a: RunDetail, b: RunDetail): string {
  const differ = differingFields(a.config, b.config);
  const head = ['', `run ${a.id}`, `run ${b.id}`];
  const config = fields.map((f) => [`${differ.includes(f) ? '* ' : '  '}${FIELD_TITLES[f]}`, shown(a.config[f]), shown(b.config[f])]);
  const metric = (label: string, pick: (r: RunDetail) => string): string[] => [label, pick(a), pick(b)];
  const last = (r: RunDetail) => r.epochs.at(-1);
  const finals = [
    metric('name', (r) => clip(r.name, 36)),
    metric('status', (r) => `${r.status} on ${r.backend ?? '—'}`),
    metric('dataset', (r) => r.datasetId),
    metric('epochs', (r) => `${r.epochsDone}/${r.epochsPlanned}`),
    metric('test accuracy', (r) => pct(r.evaluation?.testAccuracy ?? r.finalTestAccuracy)),
    metric('test loss', (r) => num(r.evaluation?.testLoss)),
    metric('last val accuracy', (r) => pct(last(r)?.valAccuracy)),
    metric('last train loss', (r) => num(last(r)?.trainLoss)),
    metric('seconds', (r) => (r.durationSeconds === null ? '—' : r.durationSeconds.toFixed(1))),
  ];
  const epochs = Math.max(a.epochs.length, b.epochs.length);
  const curves = Array.from({ length: epochs }, (_, i) => {
    const [ea, eb] = [a.epochs[i], b.epochs[i]];
    return [String(i + 1), num(ea?.trainLoss), num(eb?.trainLoss), pct(ea?.valAccuracy), pct(eb?.valAccuracy), pct(ea?.testAccuracy), pct(eb?.testAccuracy)];
  });
  const [x, y] = [a.id, b.id];
  return [
    `config (* differs):\n${table([head, ...config])}`,
    `results:\n${table([head, ...finals])}`,
    `curves:\n${table([['epoch', `loss ${x}`, `loss ${y}`, `val acc ${x}`, `val acc ${y}`, `test acc ${x}`, `test acc ${y}`], ...curves])}`,
  ].join('\n\n');
}

export const runsCompareCommand: Command = {
  name: 'runs compare',
  summary: 'Two runs side by side: configs, final metrics, and curves as a table',
  args: [
    { name: 'a', description: 'First run id', required: true },
    { name: 'b', description: 'Second run id', required: true },
  ],
  options: [JSON_OPTION],
  examples: ['runs compare 3 4', 'runs compare 3 4 --json'],
  async run({ args, options: o, session }) {
    const ids = [0, 1].map((i) => idArgument(args[i], 'a run id', 'runs compare 3 4'));
    const { api } = await session();
    const [a, b] = await Promise.all(ids.map((runId) => api.runs.get({ runId })));
    if (o.flag('json')) printJson({ a, b, differences: differingFields(a.config, b.config) });
    else console.log(comparison(a, b));
    return 0;
  },
};
