/**
 * The seed article's four claims judged from a study's runs. Nothing is assumed: each verdict is computed
 * from the completed runs, and missing configurations or too few runs give `inconclusive` with the reason.
 * Rules (ALPHA 0.05, equivalence margin ±0.5 points, see verdict-rules):
 *  1. "MSE + tanh converges slower": Welch on held-out (test, or for old runs validation) accuracy after epoch 1, Example 1 vs Example 3, with
 *     `decideLower`; epochs and seconds to 90% held-out accuracy are reported alongside.
 *  2. "significantly lower accuracy after the last epoch": Welch on final test accuracy, same pair and rule.
 *  3. "rescaling by (p+1)/2 improves accuracy": Example 2 vs Example 1 paired by seed (see verdict-rescale).
 *  4. "tanh saturation hinders gradient flow": see verdict-saturation.
 */
import type { RunDetail } from '../../../shared/run-types';
import type { StudyConfiguration, Verdict } from '../../../shared/study-types';
import { completedRuns, epochOf, firstReaching, groupRuns, heldOutAccuracy, testAccuracies } from './group-runs';
import { welch } from './stats';
import { rescaleVerdict } from './verdict-rescale';
import { decideLower, meanSd, tooFew, welchText } from './verdict-rules';
import { saturationVerdict } from './verdict-saturation';

export const CLAIMS = [
  'MSE loss with tanh outputs converges slower than cross-entropy with softmax.',
  'MSE + tanh reaches significantly lower accuracy after the last epoch.',
  "Rescaling the tanh outputs by (p + 1) / 2 (Example 2) improves accuracy.",
  'tanh saturation hinders gradient flow.',
] as const;

/** Runs of the study's configurations by key; an absent configuration maps to undefined. */
export type RunGroups = ReadonlyMap<string, RunDetail[]>;

function epochOneAccuracies(runs: readonly RunDetail[]): number[] {
  return completedRuns(runs)
    .map((r) => {
      const first = epochOf(r, 1);
      return first ? heldOutAccuracy(first) : null;
    })
    .filter((v): v is number => v !== null);
}

function reachText(name: string, runs: readonly RunDetail[]): string {
  const done = completedRuns(runs);
  const reached = done.map((r) => firstReaching(r.epochs, 0.9)).filter((x) => x !== null);
  if (reached.length === 0) return `${name} reached 90% held-out accuracy in 0 of ${done.length} runs`;
  const epochs = meanSd(reached.map((x) => x.epoch), 'number');
  const seconds = meanSd(reached.map((x) => x.seconds), 'number');
  return `${name} reached 90% in ${reached.length} of ${done.length} runs, after ${epochs} epochs, ${seconds} s`;
}

function missing(groups: RunGroups, keys: readonly string[]): string | null {
  const absent = keys.filter((k) => !groups.has(k));
  return absent.length === 0 ? null : `The study has no ${absent.join(' or ')} configuration.`;
}

function convergenceVerdict(groups: RunGroups): Omit<Verdict, 'claim' | 'statement'> {
  const absent = missing(groups, ['example-1', 'example-3']);
  if (absent) return { status: 'inconclusive', evidence: absent };
  const ex1 = groups.get('example-1') ?? [];
  const ex3 = groups.get('example-3') ?? [];
  const a = epochOneAccuracies(ex1);
  const b = epochOneAccuracies(ex3);
  const few = tooFew({ 'Example 1': a, 'Example 3': b });
  if (few) return { status: 'inconclusive', evidence: few };
  const w = welch(a, b);
  const evidence =
    `Validation accuracy after epoch 1: Example 1 ${meanSd(a)}, Example 3 ${meanSd(b)}; ${welchText(w)}. ` +
    `${reachText('Example 1', ex1)}; ${reachText('Example 3', ex3)}.`;
  return { status: decideLower(w), evidence };
}

function accuracyVerdict(groups: RunGroups): Omit<Verdict, 'claim' | 'statement'> {
  const absent = missing(groups, ['example-1', 'example-3']);
  if (absent) return { status: 'inconclusive', evidence: absent };
  const a = testAccuracies(groups.get('example-1') ?? []);
  const b = testAccuracies(groups.get('example-3') ?? []);
  const few = tooFew({ 'Example 1': a, 'Example 3': b });
  if (few) return { status: 'inconclusive', evidence: few };
  const w = welch(a, b);
  const size = `Example 1 is ${Math.abs(w.difference * 100).toFixed(2)} points ${w.difference < 0 ? 'lower' : 'higher'} on average`;
  return {
    status: decideLower(w),
    evidence: `Final test accuracy: Example 1 ${meanSd(a)}, Example 3 ${meanSd(b)}; ${welchText(w)}. ${size}.`,
  };
}

/** The four verdicts of the seed-article study, in the article's order. */
export function seedArticleVerdicts(configurations: readonly StudyConfiguration[], runs: readonly RunDetail[]): Verdict[] {
  const groups = groupRuns(configurations, runs);
  const judged = [convergenceVerdict(groups), accuracyVerdict(groups), rescaleVerdict(groups), saturationVerdict(groups)];
  return judged.map((v, i) => ({ claim: i + 1, statement: CLAIMS[i], ...v }));
}
