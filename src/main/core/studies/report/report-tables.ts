/** The report's tables as plain rows of text, shared by the HTML and Markdown renderings. */
import type { Comparison, ConfigAggregate, Spread, StudyDetail } from '../../../../shared/study-types';
import { PRACTICAL_MARGIN, pValue } from '../verdicts/verdict-rules';

export interface Table {
  headers: string[];
  rows: string[][];
}

/** "92.34 ± 0.12 [92.1, 92.5]" in percent for fractions; "—" when absent. */
function spreadText(s: Spread | null, scale = 100, digits = 2): string {
  if (!s) return '—';
  const f = (x: number) => (x * scale).toFixed(digits);
  return s.n === 1 ? `${f(s.mean)} (n = 1)` : `${f(s.mean)} ± ${f(s.sd)} [${f(s.ci95[0])}, ${f(s.ci95[1])}]`;
}

function reachText(s: Spread | null, reached: number, of: number): string {
  return `${spreadText(s, 1, 1)} (${reached}/${of})`;
}

function trendText(a: ConfigAggregate, field: 'gradientNorms' | 'saturation', layer: string, scale: number): string {
  const t = a[field].find((x) => x.layer === layer);
  return t ? `${(t.first * scale).toPrecision(3)} → ${(t.last * scale).toPrecision(3)}` : '—';
}

/** One row per configuration: accuracy, loss, speed to 90/95%, hidden-layer gradient norm and saturation. */
export function aggregateTable(aggregates: readonly ConfigAggregate[]): Table {
  return {
    headers: [
      'Configuration',
      'Runs',
      'Test accuracy % (mean ± sd [95% CI])',
      'Test loss',
      'Epochs to 90% test acc. (reached)',
      'Epochs to 95% test acc. (reached)',
      'Seconds to 90% test acc.',
      'Hidden grad norm (epoch 1 → last)',
      'Hidden saturated % (epoch 1 → last)',
    ],
    rows: aggregates.map((a) => {
      const completed = a.testAccuracy?.n ?? 0;
      return [
        a.label,
        `${completed} completed of ${a.runs}`,
        spreadText(a.testAccuracy),
        spreadText(a.testLoss, 1, 4),
        reachText(a.epochsTo90, a.reached90, completed),
        reachText(a.epochsTo95, a.reached95, completed),
        spreadText(a.secondsTo90, 1, 1),
        trendText(a, 'gradientNorms', 'dense1', 1),
        trendText(a, 'saturation', 'dense1', 100),
      ];
    }),
  };
}

export function verdictTable(detail: StudyDetail): Table | null {
  if (!detail.verdicts) return null;
  const sized = detail.verdicts.some((v) => v.trainSize !== null);
  const size = (n: number | null): string => (n === null ? 'whole training split' : n.toLocaleString('en-US'));
  return {
    headers: [...(sized ? ['Training-set size'] : []), '#', 'Claim', 'Verdict', 'Evidence'],
    rows: detail.verdicts.map((v) => [...(sized ? [size(v.trainSize)] : []), String(v.claim), v.statement, v.status, v.evidence]),
  };
}

export function comparisonTable(c: Comparison, labelOf: (key: string) => string): Table {
  const scale = c.metric === 'testAccuracy' ? 100 : 1;
  const unit = c.metric === 'testAccuracy' ? ' points' : '';
  const f = (x: number) => (x * scale).toFixed(c.metric === 'testAccuracy' ? 2 : 4);
  return {
    headers: ['A', 'B', 'Metric', 'Test', 'Difference A − B', '95% CI', 't', 'df', 'p'],
    rows: [
      [
        labelOf(c.a),
        labelOf(c.b),
        c.metric,
        c.design === 'paired' ? `paired by seed (${c.n} pairs)` : "Welch's (seeds do not match)",
        `${f(c.difference)}${unit}`,
        `[${f(c.ci95[0])}, ${f(c.ci95[1])}]`,
        c.t.toFixed(2),
        c.df.toFixed(c.design === 'paired' ? 0 : 1),
        pValue(c.p),
      ],
    ],
  };
}

/** The study design and the statistics that match it, as the report states them. */
export const DESIGN =
  'Common random numbers: for a given seed every configuration starts from the same initial weights and sees the same ' +
  'shuffles, so runs are compared paired by seed (paired t on the per-seed differences, 95% CI of the mean difference); ' +
  "Welch's independent-samples t only where fewer than 2 seeds ran on both sides. A claim is supported only when the " +
  `whole 95% CI of the difference lies beyond the practical margin of ${PRACTICAL_MARGIN * 100} points of accuracy.`;

/** Study facts for the header of the report. */
export function studyFacts(detail: StudyDetail): [string, string][] {
  return [
    ['Study', `${detail.name} (#${detail.id})`],
    ['Status', detail.status],
    ['Dataset', detail.datasetId],
    ['Seeds per configuration', String(detail.seeds)],
    ['Design', DESIGN],
    [
      'Runs',
      `${detail.runsCompleted} completed, ${detail.runsRunning} running, ${detail.runsQueued} queued, ${detail.runsOther} other, of ${detail.runsTotal}`,
    ],
    ['Created', detail.createdAt],
  ];
}
