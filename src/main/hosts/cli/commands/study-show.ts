import type { LabApi } from '../../../../shared/contract';
import type { Comparison, StudyDetail } from '../../../../shared/study-types';
import { LabError } from '../../../../shared/bridge';
import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { comparisonsTable, studyReport } from '../study-report';

/** Each configuration against the first on test accuracy; pairs without enough finished runs are left out. */
async function compareToFirst(api: LabApi, detail: StudyDetail): Promise<Comparison[]> {
  const [first, ...others] = detail.aggregates;
  const comparisons: Comparison[] = [];
  for (const other of first ? others : []) {
    try {
      comparisons.push(await api.studies.compare({ studyId: detail.id, a: other.key, b: first.key }));
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
    }
  }
  return comparisons;
}

export const studyShowCommand: Command = {
  name: 'study show',
  summary: "Show a study's aggregates, comparisons and (for the built-in study) verdicts",
  args: [{ name: 'id', description: 'Study id, from `lab study list`', required: true }],
  options: [JSON_OPTION],
  examples: ['study show 1', 'study show 1 --json'],
  details:
    'Comparisons of test accuracy, each configuration against the first: paired by seed (the study gives every configuration the same initial weights and shuffles per seed), Welch where seeds do not match.',
  async run({ args, options: o, session }) {
    const studyId = idArgument(args[0], 'the study id', 'study show 1');
    const { api } = await session();
    const detail = await api.studies.get({ studyId });
    const comparisons = await compareToFirst(api, detail);
    if (o.flag('json')) return (printJson({ ...detail, comparisons }), 0);
    console.log(studyReport(detail));
    if (comparisons.length) {
      const labels = new Map(detail.aggregates.map((a) => [a.key, a.label]));
      const reference = detail.aggregates[0].label;
      console.log(`\ntest accuracy against "${reference}", paired by seed:\n${comparisonsTable(comparisons, labels)}`);
    }
    return 0;
  },
};
