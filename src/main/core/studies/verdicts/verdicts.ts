/**
 * The seed article's four claims judged from a study's runs. Nothing is assumed: each verdict is computed
 * from the completed runs, and missing configurations or too few runs give `inconclusive` with the reason.
 * Design: configurations share initial weights and shuffles per seed, so sides are compared paired by seed
 * (see effect.ts); a claim is supported only when the whole 95% interval of the difference lies beyond the
 * practical margin (see verdict-rules). With a training-set-size factor every claim is judged once per size.
 *  1. "MSE + tanh converges slower": accuracy after epoch 1 (test split; validation for old runs without
 *     per-epoch test figures, and the text says which), Example 1 vs Example 3; epochs and seconds to 90%
 *     are reported alongside.
 *  2. "significantly lower accuracy after the last epoch": final test accuracy, same pair and rule.
 *  3. "rescaling by (p+1)/2 improves accuracy": Example 2 vs Example 1 paired by seed (see verdict-rescale).
 *  4. "tanh saturation hinders gradient flow": see verdict-saturation.
 */
import type { RunDetail } from '../../../../shared/run-types';
import type { StudyConfiguration, Verdict } from '../../../../shared/study-types';
import { accuracyEffect } from '../stats/effect';
import { effectText } from './effect-text';
import { completedRuns, epochAccuracy, epochOf, firstReaching, groupRuns, valuesBySeed } from '../stats/group-runs';
import { presetKeyOf, trainSizeOf } from '../plan/size-keys';
import { rescaleVerdict } from './verdict-rescale';
import { decideClaim, meanSd, tooFew } from './verdict-rules';
import { saturationVerdict } from './verdict-saturation';

export const CLAIMS = [
  'MSE loss with tanh outputs converges slower than cross-entropy with softmax.',
  'MSE + tanh reaches significantly lower accuracy after the last epoch.',
  'Rescaling the tanh outputs by (p + 1) / 2 (Example 2) improves accuracy.',
  'tanh saturation hinders gradient flow.',
] as const;

/** Runs of the study's configurations by preset key; an absent configuration maps to undefined. */
export type RunGroups = ReadonlyMap<string, RunDetail[]>;

type Judged = Omit<Verdict, 'claim' | 'statement' | 'trainSize'>;

function reachText(name: string, runs: readonly RunDetail[]): string {
  const done = completedRuns(runs);
  const reached = done.map((r) => firstReaching(r.epochs, 0.9)).filter((x) => x !== null);
  if (reached.length === 0) return `${name} reached 90% in 0 of ${done.length} runs`;
  const epochs = meanSd(
    reached.map((x) => x.epoch),
    'number',
  );
  const seconds = meanSd(
    reached.map((x) => x.seconds),
    'number',
  );
  return `${name} reached 90% in ${reached.length} of ${done.length} runs, after ${epochs} epochs, ${seconds} s`;
}

function missing(groups: RunGroups, keys: readonly string[]): string | null {
  const absent = keys.filter((k) => !groups.has(k));
  return absent.length === 0 ? null : `The study has no ${absent.join(' or ')} configuration.`;
}

/** "test", "validation", or both named when old and new runs mix. */
function sourceLabel(runs: readonly RunDetail[]): string {
  const sources = new Set(
    completedRuns(runs)
      .map((r) => epochAccuracy(epochOf(r, 1))?.source)
      .filter((s) => s !== undefined),
  );
  if (sources.size === 1) return [...sources][0] === 'test' ? 'Test' : 'Validation (runs recorded without per-epoch test figures)';
  return 'Test (validation for runs recorded without per-epoch test figures)';
}

function convergenceVerdict(groups: RunGroups): Judged {
  const absent = missing(groups, ['example-1', 'example-3']);
  if (absent) return { status: 'inconclusive', evidence: absent };
  const ex1 = groups.get('example-1') ?? [];
  const ex3 = groups.get('example-3') ?? [];
  const pick = (r: RunDetail): number | null => epochAccuracy(epochOf(r, 1))?.value ?? null;
  const a = valuesBySeed(ex1, pick);
  const b = valuesBySeed(ex3, pick);
  const effect = accuracyEffect(a, b);
  if (effect === null) return { status: 'inconclusive', evidence: tooFew({ 'Example 1': a, 'Example 3': b }) ?? '' };
  const decision = decideClaim(effect.ci95, 'lower');
  const evidence =
    `${sourceLabel([...ex1, ...ex3])} accuracy after epoch 1: ${effectText(effect, 'Example 1', 'Example 3')}. ` +
    `Size: ${decision.size}. ${reachText('Example 1', ex1)}; ${reachText('Example 3', ex3)}.`;
  return { status: decision.status, evidence };
}

function accuracyVerdict(groups: RunGroups): Judged {
  const absent = missing(groups, ['example-1', 'example-3']);
  if (absent) return { status: 'inconclusive', evidence: absent };
  const pick = (r: RunDetail): number | null => r.evaluation?.testAccuracy ?? null;
  const a = valuesBySeed(groups.get('example-1') ?? [], pick);
  const b = valuesBySeed(groups.get('example-3') ?? [], pick);
  const effect = accuracyEffect(a, b);
  if (effect === null) return { status: 'inconclusive', evidence: tooFew({ 'Example 1': a, 'Example 3': b }) ?? '' };
  const decision = decideClaim(effect.ci95, 'lower');
  return {
    status: decision.status,
    evidence: `Final test accuracy: ${effectText(effect, 'Example 1', 'Example 3')}. Size: ${decision.size}.`,
  };
}

/** The configurations of one training-set size (null: the whole training split), re-keyed by preset id. */
function atSize(configurations: readonly StudyConfiguration[], size: number | null): StudyConfiguration[] {
  return configurations.filter((c) => trainSizeOf(c) === size).map((c) => ({ ...c, key: presetKeyOf(c.key) }));
}

/** The four verdicts of the seed-article study in the article's order, once per training-set size (ascending). */
export function seedArticleVerdicts(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): Verdict[] {
  const sizes = [...new Set(configurations.map(trainSizeOf))].sort((x, y) => (x ?? Infinity) - (y ?? Infinity));
  return sizes.flatMap((trainSize) => {
    const groups = groupRuns(atSize(configurations, trainSize), runs);
    const judged = [convergenceVerdict(groups), accuracyVerdict(groups), rescaleVerdict(groups), saturationVerdict(groups)];
    return judged.map((v, i) => ({ claim: i + 1, statement: CLAIMS[i], trainSize, ...v }));
  });
}
