import { expandStudy, SEED_ARTICLE_ID, seedArticleConfigurations, seedList } from '../../../core/studies/plan/expand';
import type { Command } from '../command';
import { DEFAULT_DATASET, resolveDataset } from '../default-dataset';
import { DATASET_OPTION, QUEUE_OPTION, JSON_OPTION, WORKERS_OPTION } from '../options/global-options';
import type { OptionReader } from '../options/option-reader';
import { printJson } from '../progress';
import { printDryRun, type PlannedStudy } from '../study-dry-run';
import { readStudyFile } from '../study-file';
import { studyReport } from '../study-report';
import { UsageError } from '../usage-error';
import { runStudy, trainedOn } from '../wait-study';
import type { CliSession } from '../cli-session';

/** The study a command line asks for: the built-in one or a study file, as a plan (for --dry-run) and a starter. */
function plan(
  args: readonly string[],
  o: OptionReader,
  datasetId: string,
): PlannedStudy & { start: (s: CliSession) => ReturnType<CliSession['api']['studies']['create']> } {
  const path = o.string('config');
  const seeds = o.number('seeds');
  const epochs = o.number('epochs');
  if (path !== undefined) {
    if (args.length) throw new UsageError(`give either a built-in study (${SEED_ARTICLE_ID}) or --config <study.json>, not both`);
    const request = readStudyFile(path, { datasetId: o.string('dataset'), seeds, epochs }, datasetId);
    const expansion = expandStudy(request.base, request.factors, request.seeds);
    return { name: request.name, datasetId: request.datasetId, ...expansion, start: ({ api }) => api.studies.create(request) };
  }
  if (args[0] !== SEED_ARTICLE_ID) {
    throw new UsageError(`study run needs --config <study.json> or the built-in study "${SEED_ARTICLE_ID}"${args[0] ? `, got "${args[0]}"` : ''}`);
  }
  const sizes = o.list('sizes');
  const request = { builtinId: SEED_ARTICLE_ID, datasetId, seeds: seeds ?? 5, epochs: epochs ?? 10, sizes } as const;
  return {
    name: `Seed article: ${request.seeds} seeds × ${request.epochs} epochs${sizes ? ` × sizes ${sizes.join(', ')}` : ''}`,
    datasetId,
    configurations: seedArticleConfigurations(request.epochs, sizes),
    seeds: seedList(request.seeds),
    skipped: [],
    start: async ({ api }) => ({ ...(await api.studies.startBuiltin(request)), skippedMessage: null }),
  };
}

export const studyRunCommand: Command = {
  name: 'study run',
  summary: 'Run a study (configurations × seeds) to the end and print its summary',
  args: [{ name: 'builtin', description: `The built-in study: ${SEED_ARTICLE_ID} (the seed article's five configurations and verdicts)`, required: false }],
  options: [
    {
      name: 'config',
      type: 'path',
      valueName: '<study.json>',
      description: 'A study file: {name, datasetId, base, factors, seeds}, the shape the Studies view creates',
    },
    { name: 'dry-run', type: 'boolean', description: 'List the runs the study would queue and the combinations it skips; train nothing' },
    { name: 'seeds', type: 'integer', min: 1, max: 20, description: 'Runs per configuration (seeds 1..n); overrides the file', default: '5 (built-in)' },
    { name: 'epochs', type: 'integer', min: 1, max: 50, description: 'Epochs of every run; overrides the file', default: '10 (built-in)' },
    {
      name: 'sizes',
      type: 'list',
      min: 100,
      valueName: '<n,n,…>',
      description: 'Built-in study only: training-set sizes to run every configuration at (seeded, class-stratified subsets; test split unchanged)',
    },
    DATASET_OPTION,
    QUEUE_OPTION,
    WORKERS_OPTION,
    JSON_OPTION,
  ],
  examples: [
    'study run seed-article --seeds 5 --epochs 10',
    'study run seed-article --seeds 3 --sizes 1000,8000,60000',
    'study run --config study.json --dry-run',
  ],
  details:
    'Progress goes to stderr. Ctrl-C pauses the study (exit 130); `lab study resume <id>` continues it. ' +
    'A factor is {"field": "loss", "levels": ["mse", "categoricalCrossentropy"]}; combinations that cannot train are skipped with the reason.',
  async run({ args, options: o, session }) {
    const json = o.flag('json');
    if (o.flag('dry-run')) {
      printDryRun(plan(args, o, o.string('dataset') ?? DEFAULT_DATASET), json);
      return 0;
    }
    const draft = plan(args, o, DEFAULT_DATASET); // bad input is reported before the lab opens
    const s = await session();
    const study = draft.datasetId === DEFAULT_DATASET ? plan(args, o, await resolveDataset(s.api, o.string('dataset'))) : draft;
    const outcome = await runStudy(
      s.api,
      async () => {
        const created = await study.start(s);
        if (created.skippedMessage && !json) process.stderr.write(`${created.skippedMessage}\n`);
        if (json) printJson({ type: 'study', ...created });
        return created;
      },
      json,
      trainedOn(s.lab.info().workers, o.string('queue')),
    );
    const { detail } = outcome;
    if (json)
      printJson({
        type: 'result',
        studyId: detail.id,
        status: detail.status,
        seconds: outcome.seconds,
        aggregates: detail.aggregates,
        verdicts: detail.verdicts,
      });
    else console.log(`${studyReport(detail)}\n\n${detail.runsTotal} runs in ${outcome.seconds.toFixed(0)} s`);
    if (outcome.paused && !json) process.stderr.write(`paused: continue with \`lab study resume ${detail.id}\`\n`);
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
