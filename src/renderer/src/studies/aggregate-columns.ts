/** The study aggregate table's columns: how each shows and sorts a configuration. Pure. */
import type { ConfigAggregate, Spread } from '@shared/study-types';
import { asPercent } from '@renderer/charts/common';
import type { SortValue } from '../app/sort';

export interface AggregateColumn {
  key: string;
  title: string;
  sortValue: (a: ConfigAggregate) => SortValue;
  text: (a: ConfigAggregate) => string;
}

type Fmt = (v: number) => string;
const num =
  (digits: number): Fmt =>
  (v) =>
    v.toFixed(digits);

/** `97.1% ± 0.3%` */
export function meanSd(s: Spread | null, f: Fmt): string {
  return s ? `${f(s.mean)} ± ${f(s.sd)}` : '—';
}

/** `[96.8%, 97.4%]` */
export function interval(s: Spread | null, f: Fmt): string {
  return s ? `[${f(s.ci95[0])}, ${f(s.ci95[1])}]` : '—';
}

/** Highest saturated fraction any layer ends with, or null when no layer has one. */
export function finalSaturation(a: ConfigAggregate): number | null {
  return a.saturation.length ? Math.max(...a.saturation.map((l) => l.last)) : null;
}

const reached = (s: Spread | null, n: number, runs: number, f: Fmt): string => `${meanSd(s, f)} (${n}/${runs})`;

export const AGGREGATE_COLUMNS: readonly AggregateColumn[] = [
  { key: 'label', title: 'Configuration', sortValue: (a) => a.label, text: (a) => a.label },
  { key: 'runs', title: 'Runs', sortValue: (a) => a.runs, text: (a) => String(a.runs) },
  { key: 'acc', title: 'Test accuracy', sortValue: (a) => a.testAccuracy?.mean ?? null, text: (a) => meanSd(a.testAccuracy, asPercent) },
  { key: 'accCi', title: '95% CI', sortValue: (a) => a.testAccuracy?.ci95[0] ?? null, text: (a) => interval(a.testAccuracy, asPercent) },
  { key: 'loss', title: 'Test loss', sortValue: (a) => a.testLoss?.mean ?? null, text: (a) => meanSd(a.testLoss, num(4)) },
  { key: 'e90', title: 'Epochs to 90%', sortValue: (a) => a.epochsTo90?.mean ?? null, text: (a) => reached(a.epochsTo90, a.reached90, a.runs, num(1)) },
  { key: 'e95', title: 'Epochs to 95%', sortValue: (a) => a.epochsTo95?.mean ?? null, text: (a) => reached(a.epochsTo95, a.reached95, a.runs, num(1)) },
  { key: 's90', title: 'Seconds to 90%', sortValue: (a) => a.secondsTo90?.mean ?? null, text: (a) => meanSd(a.secondsTo90, num(1)) },
  { key: 's95', title: 'Seconds to 95%', sortValue: (a) => a.secondsTo95?.mean ?? null, text: (a) => meanSd(a.secondsTo95, num(1)) },
  {
    key: 'sat',
    title: 'Saturation (first → last)',
    sortValue: finalSaturation,
    text: (a) => (a.saturation.length ? a.saturation.map((l) => `${l.layer} ${asPercent(l.first)} → ${asPercent(l.last)}`).join('; ') : '—'),
  },
];
