import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION, QUEUE_OPTION, WORKERS_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { studyReport } from '../study-report';
import { runStudy, trainedOn } from '../wait-study';

export const studyResumeCommand: Command = {
  name: 'study resume',
  summary: 'Resume a paused or interrupted study and run it to the end',
  args: [{ name: 'id', description: 'Study id, from `lab study list`', required: true }],
  options: [WORKERS_OPTION, QUEUE_OPTION, JSON_OPTION],
  examples: ['study resume 2', 'study resume 2 --workers 1 --json'],
  details:
    "Queued runs train here (or on --queue's workers: runs a queue still holds are picked up, not trained twice); Ctrl-C pauses the study again (exit 130).",
  async run({ args, options: o, session }) {
    const studyId = idArgument(args[0], 'the study id', 'study resume 2');
    const json = o.flag('json');
    const s = await session();
    const outcome = await runStudy(s.api, () => s.api.studies.resume({ studyId }), json, trainedOn(s.lab.info().workers, o.string('queue')));
    const { detail } = outcome;
    if (json) printJson({ type: 'result', studyId, status: detail.status, seconds: outcome.seconds, aggregates: detail.aggregates, verdicts: detail.verdicts });
    else console.log(studyReport(detail));
    if (outcome.paused) return 130;
    // `incomplete`: nothing left to train but some planned runs did not complete (`study resume` retries them).
    if (detail.status !== 'completed') {
      if (!json)
        process.stderr.write(
          `study ${detail.id} ended ${detail.status}: ${detail.runsCompleted}/${detail.runsTotal} runs completed; \`lab study resume ${detail.id}\` retries the others\n`,
        );
      return 1;
    }
    return 0;
  },
};
