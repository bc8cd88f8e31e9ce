/** Reads that combine a study's row, its runs and their analysis: what `studies:get` and `studies:compare` return. */
import type { RunDetail } from '../../../shared/run-types';
import type { Comparison, StudyDetail } from '../../../shared/study-types';
import type { RunStore } from '../store/store-types';
import { aggregateStudy, compare } from './stats/aggregate';
import { SEED_ARTICLE_ID } from './plan/expand';
import { getStudyRow, studyRunIds, summariseStudy } from './study-store';
import { sizeSeries } from './stats/size-series';
import { seedArticleVerdicts } from './verdicts/verdicts';

/** Every run of the study with its epochs and evaluation, oldest first. Throws NotFoundError. */
export function studyRuns(store: RunStore, id: number): RunDetail[] {
  return studyRunIds(store, id)
    .map((runId) => store.getRun(runId))
    .filter((r): r is RunDetail => r !== undefined);
}

/**
 * The study with its configurations, runs, per-configuration aggregates and, for the built-in study, the
 * verdicts on the article's claims. `workers`: runs trained at once, for the ETA. Throws NotFoundError.
 */
export function getStudyDetail(store: RunStore, id: number, workers = 1): StudyDetail {
  return detailOf(store, id, studyRuns(store, id), workers);
}

/** Runs read between two yields to the event loop, so other requests are answered while a big study loads. */
const RUNS_PER_SLICE = 25;

/** `getStudyDetail` for `studies:get`: the same result, its run reads sliced so the server stays responsive. */
export async function readStudyDetail(store: RunStore, id: number, workers = 1): Promise<StudyDetail> {
  const details: RunDetail[] = [];
  for (const [i, runId] of studyRunIds(store, id).entries()) {
    if (i > 0 && i % RUNS_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    const run = store.getRun(runId);
    if (run) details.push(run);
  }
  return detailOf(store, id, details, workers);
}

function detailOf(store: RunStore, id: number, details: RunDetail[], workers: number): StudyDetail {
  const row = getStudyRow(store, id);
  const runs = store.listRuns({ studyId: id });
  return {
    ...summariseStudy(row, runs, workers),
    configurations: row.configurations,
    runs,
    aggregates: aggregateStudy(row.configurations, details),
    verdicts: row.builtinId === SEED_ARTICLE_ID ? seedArticleVerdicts(row.configurations, details) : null,
    sizeSeries: sizeSeries(row.configurations, details),
  };
}

/** Welch comparison of two of the study's configurations (a − b). Throws NotFoundError or RangeError. */
export function compareInStudy(store: RunStore, id: number, a: string, b: string, metric: Comparison['metric']): Comparison {
  const row = getStudyRow(store, id);
  return compare(row.configurations, studyRuns(store, id), a, b, metric);
}
