/**
 * Claim 4: "tanh saturation hinders gradient flow", judged on the mechanism itself, measured on the probe
 * batch (see `OutputSignal` and `LayerDiagnostics.attenuation`), not on gradient norms of networks that have
 * fitted differently.
 *  - Output: over Example 1's wrong probe samples (error ≥ 0.5) at the last epoch, pooled over seeds,
 *    Spearman's ρ of the output gradient on the error. Saturation hinders learning where the more
 *    confidently wrong a sample is, the smaller its gradient (ρ < 0: with MSE + tanh the gradient carries
 *    1 − y²); without hindrance the gradient grows with the error (ρ > 0, as p − t does with cross-entropy).
 *  - Hidden: the mean attenuation factor (1 − a²) of Example 1's tanh hidden layer against the relu hidden
 *    layer's active fraction in relu-tanh-mse (same loss and output), paired by seed.
 * Supported when Example 1's ρ has its whole 95% interval below 0. Not supported when the interval lies
 * above 0 and the paired comparison (≥ 2 seeds) shows the tanh hidden layer not attenuating significantly
 * more than relu. Inconclusive otherwise,
 * including fewer than MIN_WRONG wrong samples or runs recorded before the mechanism was measured.
 */
import type { RunDetail } from '../../../../shared/run-types';
import type { Verdict } from '../../../../shared/study-types';
import { attenuationBySeed, MIN_WRONG, type RankCorrelation, WRONG_ERROR, wrongSampleCorrelation } from './mechanism';
import { pairBySeed, pairedT } from '../stats/paired';
import { mean } from '../stats/stats';
import { MIN_RUNS, pValue } from './verdict-rules';

const HIDDEN = 'dense1';

function rhoText(name: string, c: RankCorrelation | { n: number; rho: null }): string {
  if (c.rho === null) return `${name}: ${c.n} wrong probe samples (fewer than ${MIN_WRONG}, too few to judge)`;
  return `${name}: ρ = ${c.rho.toFixed(2)}, 95% CI [${c.ci95[0].toFixed(2)}, ${c.ci95[1].toFixed(2)}] over ${c.n} wrong probe samples`;
}

interface HiddenComparison {
  text: string;
  /** `worse`: tanh attenuates significantly more (its factor's 95% CI lies below relu's); `unknown`: not measured or unpaired. */
  tanh: 'worse' | 'not worse' | 'unknown';
}

function hiddenComparison(groups: ReadonlyMap<string, RunDetail[]>): HiddenComparison {
  const tanh = attenuationBySeed(groups.get('example-1') ?? [], HIDDEN);
  const relu = attenuationBySeed(groups.get('relu-tanh-mse') ?? [], HIDDEN);
  if (tanh.size === 0) return { text: "Example 1's hidden attenuation was not recorded.", tanh: 'unknown' };
  const base = `Mean backward attenuation factor of Example 1's tanh hidden layer at the last epoch (mean of 1 − tanh²): ${mean([...tanh.values()]).toFixed(3)}`;
  const pairs = pairBySeed(tanh, relu);
  if (pairs.seeds.length < MIN_RUNS) {
    return { text: `${base}; fewer than ${MIN_RUNS} seeds with relu-tanh-mse runs to pair it with.`, tanh: 'unknown' };
  }
  const t = pairedT(pairs.a, pairs.b);
  const text =
    `${base}, vs the relu hidden layer of relu-tanh-mse (fraction of active units) ${mean(pairs.b).toFixed(3)}: ` +
    `difference ${t.difference.toFixed(3)}, 95% CI [${t.ci95[0].toFixed(3)}, ${t.ci95[1].toFixed(3)}], paired t over ${t.n} seeds, ${pValue(t.p)}.`;
  return { text, tanh: t.ci95[1] < 0 ? 'worse' : 'not worse' };
}

export function saturationVerdict(groups: ReadonlyMap<string, RunDetail[]>): Omit<Verdict, 'claim' | 'statement' | 'trainSize'> {
  if (!groups.has('example-1')) return { status: 'inconclusive', evidence: 'The study has no example-1 configuration.' };
  const ex1 = groups.get('example-1') ?? [];
  const last = wrongSampleCorrelation(ex1, 'last');
  const first = wrongSampleCorrelation(ex1, 'first');
  const hidden = hiddenComparison(groups);
  const contrast = groups.has('example-3')
    ? `; contrast, ${rhoText('Example 3 (softmax + cross-entropy), last epoch', wrongSampleCorrelation(groups.get('example-3') ?? [], 'last'))}`
    : '';
  const output =
    `Output gradient vs output error over wrong probe samples (error ≥ ${WRONG_ERROR}; Spearman ρ, negative when more ` +
    `confidently wrong samples get smaller gradients): ${rhoText('Example 1, last epoch', last)}; ` +
    `${rhoText('Example 1, epoch 1', first)}${contrast}.`;
  if (last.rho === null) {
    const why = last.n === 0 && first.n === 0 ? ' (runs recorded before the output signal was measured, or no wrong samples)' : '';
    return { status: 'inconclusive', evidence: `${output}${why} ${hidden.text}` };
  }
  let status: Verdict['status'] = 'inconclusive';
  let reading =
    last.ci95[0] > 0 && hidden.tanh === 'unknown'
      ? 'The output shows no hindrance, but without the paired hidden-layer comparison the claim cannot be rejected.'
      : 'The evidence is too weak to decide.';
  if (last.ci95[1] < 0) {
    status = 'supported';
    reading =
      'The more confidently wrong a sample, the smaller its gradient: saturation of the tanh output withholds the signal from the samples that most need it.';
  } else if (last.ci95[0] > 0 && hidden.tanh === 'not worse') {
    status = 'not supported';
    reading = 'The gradient grows with the error on wrong samples, and the tanh hidden layer does not attenuate the backward signal more than relu.';
  }
  return { status, evidence: `${output} ${hidden.text} ${reading}` };
}
