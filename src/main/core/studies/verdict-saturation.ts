/**
 * Claim 4: "tanh saturation hinders gradient flow". Rule, on the first hidden layer (`dense1`) at each
 * completed run's last epoch:
 *  - S = mean saturated fraction of Example 1's tanh hidden layer;
 *  - Welch on the hidden layer's gradient norm, Example 1 (tanh hidden) vs relu-tanh-mse (relu hidden, same
 *    MSE loss and tanh output: only the hidden activation differs).
 * Supported when S ≥ 5% and Example 1's gradient norm is lower with p < 0.05. Not supported when S < 5%
 * (too little saturation to hinder anything) or when Example 1's gradient norm is higher with p < 0.05.
 * Inconclusive otherwise. The cross-entropy pair (tanh-softmax-ce vs example-3), Example 1's output-layer
 * saturation and Example 1 vs Example 3 gradient norms are reported as context, not used in the decision:
 * gradient norms under different losses are on different scales.
 */
import type { RunDetail } from '../../../shared/run-types';
import type { Verdict } from '../../../shared/study-types';
import { completedRuns, lastEpochOf, layerValue } from './group-runs';
import { mean, welch } from './stats';
import { ALPHA, MIN_RUNS, meanSd, pct, tooFew, welchText } from './verdict-rules';

/** Saturated fraction at which a layer counts as saturating (0.05 = 5% of its units). */
export const SATURATION_THRESHOLD = 0.05;
const HIDDEN = 'dense1';

function lastValues(runs: readonly RunDetail[] | undefined, layer: string, field: 'gradientNorm' | 'saturatedFraction'): number[] {
  return completedRuns(runs ?? [])
    .map((r) => layerValue(lastEpochOf(r), layer, field))
    .filter((v): v is number => v !== null);
}

function contextText(groups: ReadonlyMap<string, RunDetail[]>): string {
  const parts: string[] = [];
  const outSat = lastValues(groups.get('example-1'), 'output', 'saturatedFraction');
  if (outSat.length > 0) parts.push(`Example 1's tanh output layer: ${meanSd(outSat)} of units saturated`);
  const tanhCe = lastValues(groups.get('tanh-softmax-ce'), HIDDEN, 'gradientNorm');
  const reluCe = lastValues(groups.get('example-3'), HIDDEN, 'gradientNorm');
  const tanhCeSat = lastValues(groups.get('tanh-softmax-ce'), HIDDEN, 'saturatedFraction');
  if (tanhCe.length >= MIN_RUNS && reluCe.length >= MIN_RUNS) {
    parts.push(
      `with cross-entropy, hidden gradient norm tanh (tanh-softmax-ce, ${meanSd(tanhCeSat)} saturated) ` +
        `${meanSd(tanhCe, 'number')} vs relu (Example 3) ${meanSd(reluCe, 'number')}: ${welchText(welch(tanhCe, reluCe), 'number')}`,
    );
  }
  return parts.length > 0 ? ` Context (not used in the decision): ${parts.join('; ')}.` : '';
}

export function saturationVerdict(groups: ReadonlyMap<string, RunDetail[]>): Omit<Verdict, 'claim' | 'statement' | 'trainSize'> {
  if (!groups.has('example-1') || !groups.has('relu-tanh-mse')) {
    return { status: 'inconclusive', evidence: 'The study needs both the Example 1 and relu-tanh-mse configurations.' };
  }
  const saturation = lastValues(groups.get('example-1'), HIDDEN, 'saturatedFraction');
  const tanhGrad = lastValues(groups.get('example-1'), HIDDEN, 'gradientNorm');
  const reluGrad = lastValues(groups.get('relu-tanh-mse'), HIDDEN, 'gradientNorm');
  const few = tooFew({ 'Example 1 (saturation)': saturation, 'Example 1 (gradient)': tanhGrad, 'relu-tanh-mse': reluGrad });
  if (few) return { status: 'inconclusive', evidence: few };
  const s = mean(saturation);
  const w = welch(tanhGrad, reluGrad);
  const status =
    s < SATURATION_THRESHOLD || (w.p < ALPHA && w.difference > 0)
      ? 'not supported'
      : w.p < ALPHA && w.difference < 0
        ? 'supported'
        : 'inconclusive';
  const ratio = mean(tanhGrad) / mean(reluGrad);
  const evidence =
    `At the last epoch, ${meanSd(saturation)} of Example 1's tanh hidden units are saturated (|tanh| > 0.99; ` +
    `threshold ${pct(SATURATION_THRESHOLD)}). Hidden-layer gradient norm, same MSE loss and tanh output: tanh hidden ` +
    `(Example 1) ${meanSd(tanhGrad, 'number')} vs relu hidden (relu-tanh-mse) ${meanSd(reluGrad, 'number')}, ratio ` +
    `${ratio.toFixed(2)}; ${welchText(w, 'number')}.${contextText(groups)}`;
  return { status, evidence };
}
