import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

export const studyCancelCommand: Command = {
  name: 'study cancel',
  summary: 'Cancel a study: its queued runs are stopped; finished runs and results stay',
  args: [{ name: 'id', description: 'Study id, from `lab study list`', required: true }],
  options: [JSON_OPTION],
  examples: ['study cancel 2', 'study cancel 2 --json'],
  async run({ args, options: o, session }) {
    const studyId = idArgument(args[0], 'the study id', 'study cancel 2');
    const { api } = await session();
    const summary = await api.studies.cancel({ studyId });
    if (o.flag('json')) printJson(summary);
    else console.log(`study ${studyId} "${summary.name}": ${summary.status}, ${summary.runsCompleted}/${summary.runsTotal} runs completed`);
    return 0;
  },
};
