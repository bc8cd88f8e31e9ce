import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

export const runsDeleteCommand: Command = {
  name: 'runs delete',
  summary: 'Delete a run with its epochs, evaluation and model',
  args: [{ name: 'id', description: 'Run id, from `lab runs list`', required: true }],
  options: [JSON_OPTION],
  examples: ['runs delete 3', 'runs delete 3 --json'],
  details: 'A run that is training elsewhere (the desktop app) is refused: stop it first.',
  async run({ args, options: o, session }) {
    const runId = idArgument(args[0], 'the run id', 'runs delete 3');
    const { api } = await session();
    const { deleted } = await api.runs.delete({ runId });
    if (o.flag('json')) printJson({ runId, deleted });
    else console.log(`deleted run ${runId}`);
    return 0;
  },
};
