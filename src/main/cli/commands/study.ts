import type { ConfigAggregate, Spread, StudyDetail, StudySummary } from '../../../shared/study-types';
import type { CliSession } from '../cli-lab';
import { pct, table } from '../format';
import { UsageError } from '../usage-error';

export interface StudyRunOptions {
  seeds?: number;
  epochs?: number;
  /** Training-set sizes, e.g. [1000, 8000, 60000]; absent: the whole training split. */
  sizes?: number[];
  dataset: string;
  json: boolean;
}

/** `--sizes 1000,8000,60000` → [1000, 8000, 60000]; the contract checks the range. */
export function trainSizes(value: string | undefined): number[] | undefined {
  if (value === undefined) return undefined;
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.length === 0 || sizes.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new UsageError(`--sizes takes whole numbers separated by commas, e.g. --sizes 1000,8000,60000 (got "${value}")`);
  }
  return sizes;
}

const spreadPct = (s: Spread | null): string => (s ? `${pct(s.mean)} ± ${pct(s.sd)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : '—');
const spreadNum = (s: Spread | null, digits = 1): string => (s ? `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}` : '—');
const lastOf = (a: ConfigAggregate, pick: 'gradientNorms' | 'saturation'): string =>
  a[pick].map((l) => `${l.layer} ${pick === 'saturation' ? pct(l.first, 1) : l.first.toFixed(3)}→${pick === 'saturation' ? pct(l.last, 1) : l.last.toFixed(3)}`).join(', ') || '—';

/** The aggregate table and the verdicts, as `study run` prints them. */
export function studyReport(detail: StudyDetail): string {
  const rows = detail.aggregates.map((a) => [
    a.label,
    `${a.testAccuracy?.n ?? 0}/${a.runs}`,
    spreadPct(a.testAccuracy),
    spreadNum(a.testLoss, 4),
    `${spreadNum(a.epochsTo90)} (${a.reached90}/${a.runs})`,
    `${spreadNum(a.epochsTo95)} (${a.reached95}/${a.runs})`,
    spreadNum(a.secondsTo95),
    lastOf(a, 'gradientNorms'),
    lastOf(a, 'saturation'),
  ]);
  const lines = [
    `study ${detail.id} "${detail.name}": ${detail.status}, ${detail.runsCompleted}/${detail.runsTotal} runs completed`,
    table([
      ['configuration', 'n', 'test accuracy mean ± sd [95% CI]', 'test loss', 'epochs to 90% test', 'epochs to 95% test', 's to 95%', 'grad norm epoch 1→last', 'saturation 1→last'],
      ...rows,
    ]),
  ];
  for (const v of detail.verdicts ?? []) {
    const size = v.trainSize === null ? '' : ` [train size ${v.trainSize}]`;
    lines.push('', `claim ${v.claim}${size}: ${v.statement}`, `  → ${v.status.toUpperCase()}: ${v.evidence}`);
  }
  return lines.join('\n');
}

/** Runs the built-in seed-article study to the end, with progress on stderr. */
export async function runBuiltinStudy({ api }: CliSession, o: StudyRunOptions): Promise<void> {
  const startedAt = performance.now();
  let studyId = 0;
  const done = new Promise<void>((resolve) => {
    api.studies.onProgress((s: StudySummary) => {
      if (s.id !== studyId) return;
      const eta = s.etaSeconds === null ? '' : `, about ${Math.ceil(s.etaSeconds)} s left`;
      if (!o.json) console.error(`${s.runsCompleted + s.runsOther}/${s.runsTotal} runs done, ${s.runsRunning} running${eta}`);
      if (s.runsQueued === 0 && s.runsRunning === 0) resolve();
    });
  });
  const summary = await api.studies.startBuiltin({ builtinId: 'seed-article', datasetId: o.dataset, seeds: o.seeds, epochs: o.epochs, sizes: o.sizes });
  studyId = summary.id;
  if (!o.json) console.error(`study ${studyId}: ${summary.runsTotal} runs on ${(await api.lab.info()).workers} workers`);
  const stop = (): void => void api.studies.cancel({ studyId }).catch(() => {});
  process.once('SIGINT', stop);
  await done;
  process.off('SIGINT', stop);
  const detail = await api.studies.get({ studyId });
  const seconds = (performance.now() - startedAt) / 1000;
  if (o.json) {
    console.log(JSON.stringify({ studyId, seconds, aggregates: detail.aggregates, verdicts: detail.verdicts }));
  } else {
    console.log(studyReport(detail));
    console.log(`\n${detail.runsTotal} runs in ${seconds.toFixed(0)} s`);
  }
}

export async function exportStudy({ lab }: CliSession, studyId: number | undefined, dir: string, json: boolean): Promise<void> {
  if (!studyId) throw new UsageError('study export needs a study id, e.g. `study export 1 --out ./report`');
  const { files } = await lab.paths.exportStudy(studyId, dir);
  console.log(json ? JSON.stringify({ files }) : files.join('\n'));
}
