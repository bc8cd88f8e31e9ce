/** The two ways a study is started: from a request's factors, or the built-in seed-article study. */
import { MAX_STUDY_RUNS, type ParsedRequest } from '../../../../shared/contract';
import type { StudySummary } from '../../../../shared/study-types';
import type { RunStore } from '../../store/store-types';
import { describeSkipped, expandStudy, SEED_ARTICLE_ID, seedArticleConfigurations, type SkippedCombination } from './expand';
import { createStudy } from '../study-store';

export interface CreatedStudy {
  summary: StudySummary;
  /** Combinations dropped because they cannot train, with the reasons. */
  skipped: SkippedCombination[];
  /** One line for a person, e.g. "2 combinations skipped: …"; null when none was. */
  skippedMessage: string | null;
}

/**
 * `studies:create`: expands base × factors, drops the combinations that cannot train, creates the study.
 * Throws RangeError (with every reason) when no combination can train.
 */
export function createStudyFromRequest(store: RunStore, request: ParsedRequest<'studies:create'>, workers = 1): CreatedStudy {
  const { configurations, skipped } = expandStudy(request.base, request.factors, request.seeds);
  const skippedMessage = describeSkipped(skipped);
  if (configurations.length === 0) throw new RangeError(`no combination of the factors can train: ${skippedMessage ?? ''}`);
  const runs = configurations.length * request.seeds;
  if (runs > MAX_STUDY_RUNS) {
    throw new RangeError(
      `this study would create ${runs} runs (${configurations.length} configurations × ${request.seeds} seeds); ` +
        `a study holds at most ${MAX_STUDY_RUNS}: use fewer levels, factors or seeds, or split it into several studies`,
    );
  }
  const summary = createStudy(store, { name: request.name, builtinId: null, datasetId: request.datasetId, configurations, seeds: request.seeds }, workers);
  return { summary, skipped, skippedMessage };
}

/** " × train sizes 1,000 / 8,000", or "" without sizes. */
function sizesText(sizes: readonly number[] | undefined): string {
  if (!sizes || sizes.length === 0) return '';
  return ` × train sizes ${[...sizes]
    .sort((a, b) => a - b)
    .map((n) => n.toLocaleString('en-US'))
    .join(' / ')}`;
}

/** `studies:startBuiltin`: the five presets (× each training-set size, if any) × `seeds` seeds with `epochs` epochs each. */
export function startSeedArticleStudy(store: RunStore, request: ParsedRequest<'studies:startBuiltin'>, workers = 1): StudySummary {
  return createStudy(
    store,
    {
      name: `Seed article: ${request.seeds} seeds × ${request.epochs} epochs${sizesText(request.sizes)}`,
      builtinId: SEED_ARTICLE_ID,
      datasetId: request.datasetId,
      configurations: seedArticleConfigurations(request.epochs, request.sizes),
      seeds: request.seeds,
    },
    workers,
  );
}
