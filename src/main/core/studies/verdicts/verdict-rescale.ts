/**
 * Claim 3: "rescaling tanh outputs by (p + 1) / 2 improves accuracy". Example 2 is Example 1 plus the rescale,
 * so runs with the same seed train identically and (the rescale being monotonic) predict identically.
 * Rule: pair completed runs by seed. Identical test accuracy on every pair (≥ 2 pairs) → not supported.
 * If any pair differs (non-deterministic training, e.g. a multi-threaded backend), say so and compare Example 2
 * with Example 1 paired by seed under the shared rule (`decideClaim`, claim "higher").
 */
import type { RunDetail } from '../../../../shared/run-types';
import type { Verdict } from '../../../../shared/study-types';
import { completedRuns } from '../stats/group-runs';
import { accuracyEffect } from '../stats/effect';
import { effectText } from './effect-text';
import { decideClaim, MIN_RUNS, meanSd, pct, points } from './verdict-rules';

/** Test accuracy of each seed's completed run (the last one when a seed ran twice). */
function bySeed(runs: readonly RunDetail[]): Map<number, number> {
  return new Map(completedRuns(runs).map((r) => [r.seed, r.evaluation?.testAccuracy ?? Number.NaN]));
}

export function rescaleVerdict(groups: ReadonlyMap<string, RunDetail[]>): Omit<Verdict, 'claim' | 'statement' | 'trainSize'> {
  const ex1 = groups.get('example-1');
  const ex2 = groups.get('example-2');
  if (!ex1 || !ex2) return { status: 'inconclusive', evidence: 'The study needs both Example 1 and Example 2 configurations.' };
  const one = bySeed(ex1);
  const two = bySeed(ex2);
  const pairs = [...two.entries()]
    .filter(([seed]) => one.has(seed))
    .map(([seed, acc]) => ({ seed, rescaled: acc, plain: one.get(seed) ?? Number.NaN }))
    .sort((a, b) => a.seed - b.seed);
  if (pairs.length < MIN_RUNS) {
    return {
      status: 'inconclusive',
      evidence: `Only ${pairs.length} seed(s) have completed runs of both Example 1 and Example 2 (at least ${MIN_RUNS} needed).`,
    };
  }
  const differing = pairs.filter((p) => p.rescaled !== p.plain);
  const range = meanSd(pairs.map((p) => p.plain));
  if (differing.length === 0) {
    return {
      status: 'not supported',
      evidence:
        `Test accuracy of Example 2 and Example 1 is identical on all ${pairs.length} seeds: argmax is unchanged by a ` +
        `monotonic rescale, so the (p + 1) / 2 mapping cannot change a single prediction (both ${range}).`,
    };
  }
  const effect = accuracyEffect(two, one);
  const largest = Math.max(...differing.map((p) => Math.abs(p.rescaled - p.plain)));
  const decision = effect === null ? null : decideClaim(effect.ci95, 'higher');
  const seeds = differing.map((p) => `seed ${p.seed}: ${pct(p.rescaled)} vs ${pct(p.plain)}`).join(', ');
  return {
    status: decision?.status ?? 'inconclusive',
    evidence:
      `Same-seed runs differ on ${differing.length} of ${pairs.length} seeds (${seeds}; largest ${points(largest)}), so ` +
      'training was not deterministic here; a monotonic rescale cannot change argmax, so any difference comes from ' +
      `training, not from the rescale. ${effect === null ? '' : `${effectText(effect, 'Example 2', 'Example 1')}. Size: ${decision?.size ?? ''}.`}`,
  };
}
