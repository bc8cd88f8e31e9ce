/** A study's results as three tables that fit 100 columns, then the verdicts and comparisons. */
import type { Comparison, ConfigAggregate, Spread, StudyDetail } from '../../../shared/study-types';
import { backendsUsed } from '../../core/studies/report/backend-note';
import { clip, num, pct, table } from './format';
import { wrap, WIDTH } from './help';

const spreadPct = (s: Spread | null): string => (s ? `${pct(s.mean)} ± ${pct(s.sd)} [${pct(s.ci95[0])}, ${pct(s.ci95[1])}]` : '—');
const spreadNum = (s: Spread | null, digits = 1): string => (s ? `${s.mean.toFixed(digits)} ± ${s.sd.toFixed(digits)}` : '—');
const trend = (a: ConfigAggregate, pick: 'gradientNorms' | 'saturation'): string =>
  a[pick]
    .map((l) => {
      const f = (x: number): string => (pick === 'saturation' ? pct(x, 1) : x.toFixed(3));
      return `${l.layer} ${f(l.first)}→${f(l.last)}`;
    })
    .join(', ') || '—';
const label = (a: ConfigAggregate): string => clip(a.label, 38);

export function studyReport(detail: StudyDetail): string {
  const a = detail.aggregates;
  const lines = [
    `study ${detail.id} "${detail.name}": ${detail.status}, ${detail.runsCompleted}/${detail.runsTotal} runs completed, dataset ${detail.datasetId}`,
    '',
    table([
      ['configuration', 'n', 'test accuracy mean ± sd [95% CI]', 'test loss'],
      ...a.map((x) => [label(x), `${x.testAccuracy?.n ?? 0}/${x.runs}`, spreadPct(x.testAccuracy), spreadNum(x.testLoss, 4)]),
    ]),
    '',
    table([
      ['configuration', 'epochs to 90% test', 'epochs to 95% test', 'seconds to 95%'],
      ...a.map((x) => [
        label(x),
        `${spreadNum(x.epochsTo90)} (${x.reached90}/${x.runs})`,
        `${spreadNum(x.epochsTo95)} (${x.reached95}/${x.runs})`,
        spreadNum(x.secondsTo95),
      ]),
    ]),
    '',
    table([
      ['configuration', 'gradient norm, epoch 1→last', 'saturation 1→last'],
      ...a.map((x) => [label(x), trend(x, 'gradientNorms'), trend(x, 'saturation')]),
    ]),
  ];
  const backends = backendsUsed(detail.runs);
  if (backends) lines.push('', wrap(`backends differ (${backends}); results are comparable only within one backend`, WIDTH, 0));
  for (const v of detail.verdicts ?? []) {
    const size = v.trainSize === null ? '' : ` [train size ${v.trainSize}]`;
    lines.push('', wrap(`claim ${v.claim}${size}: ${v.statement}`, WIDTH - 2, 2), `  → ${wrap(`${v.status.toUpperCase()}: ${v.evidence}`, WIDTH - 4, 4)}`);
  }
  return lines.join('\n');
}

/** Comparisons of configurations against one reference (paired by seed, or Welch), as a table (the reference is in the heading). */
export function comparisonsTable(comparisons: readonly Comparison[], labels: ReadonlyMap<string, string>): string {
  return table([
    ['configuration', 'test', 'difference', '95% CI', 't', 'df', 'p'],
    ...comparisons.map((c) => [
      clip(labels.get(c.a) ?? c.a, 30),
      c.design === 'paired' ? `paired, n=${c.n}` : 'Welch',
      `${c.difference >= 0 ? '+' : ''}${(c.difference * 100).toFixed(2)} pts`,
      `[${(c.ci95[0] * 100).toFixed(2)}, ${(c.ci95[1] * 100).toFixed(2)}]`,
      num(c.t, 2),
      num(c.df, 1),
      c.p < 0.0001 ? '< 0.0001' : num(c.p, 4),
    ]),
  ]);
}
