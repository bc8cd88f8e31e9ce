import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

export const datasetsDeleteCommand: Command = {
  name: 'datasets delete',
  summary: 'Delete an imported dataset and its cached copy (with --with-runs, also its runs and studies)',
  args: [{ name: 'id', description: 'Dataset id, from `lab datasets list`', required: true }],
  options: [{ name: 'with-runs', type: 'boolean', description: 'Also delete the runs and studies that use it (otherwise they make it refuse)' }, JSON_OPTION],
  examples: ['datasets delete fashion-mnist', 'datasets delete fashion-mnist --with-runs --json'],
  details:
    'The built-in MNIST sets cannot be deleted. A dataset that runs or studies use is refused unless --with-runs; ' +
    'one with a run queued or training (the desktop app) is refused: stop it first. The IDX files it was imported from are left alone.',
  async run({ args, options: o, session }) {
    const datasetId = args[0];
    const { api } = await session();
    const result = await api.datasets.delete({ datasetId, deleteRuns: o.flag('with-runs') });
    if (o.flag('json')) return (printJson(result), 0);
    const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
    const also =
      result.runsDeleted + result.studiesDeleted > 0
        ? ` with ${count(result.runsDeleted, 'run', 'runs')} and ${count(result.studiesDeleted, 'study', 'studies')}`
        : '';
    console.log(`deleted dataset ${result.deleted}${also}`);
    return 0;
  },
};
