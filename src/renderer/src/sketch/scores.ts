/**
 * How sure a model is, from its 10 outputs (after the config's rescale, what argmax sees). Softmax outputs are
 * already probabilities; tanh outputs live in −1…1 and sigmoid ones do not sum to 1, so they are turned into
 * normalised scores that do, and labelled as such. Pure.
 */

/** `probability`: the outputs as given; `normalised`: mapped onto 0…1 and divided by their sum. */
export type ScoreKind = 'probability' | 'normalised';

export interface Scores {
  kind: ScoreKind;
  /** One per class, each 0…1, summing to 1. */
  scores: number[];
}

/** Below this top score an answer is marked low-confidence (a dot called "8" at 0.38). */
export const LOW_CONFIDENCE = 0.5;

const SUM_TOLERANCE = 1e-3;

export function scoresOf(outputs: readonly number[]): Scores {
  const finite = outputs.map((v) => (Number.isFinite(v) ? v : 0));
  const sum = finite.reduce((a, b) => a + b, 0);
  if (finite.every((v) => v >= 0 && v <= 1) && Math.abs(sum - 1) <= SUM_TOLERANCE) return { kind: 'probability', scores: finite };
  if (finite.every((v) => v >= -1 && v <= 1)) {
    // tanh's range onto 0…1 ((p + 1) / 2, the article's rescale), then shares of the total.
    const unit = finite.some((v) => v < 0) ? finite.map((v) => (v + 1) / 2) : finite;
    return { kind: 'normalised', scores: shares(unit) };
  }
  // Unbounded (linear) outputs: softmax, shifted by the maximum for numerical safety.
  const max = Math.max(...finite);
  return { kind: 'normalised', scores: shares(finite.map((v) => Math.exp(v - max))) };
}

function shares(values: readonly number[]): number[] {
  const total = values.reduce((a, b) => a + b, 0);
  return total > 0 ? values.map((v) => v / total) : values.map(() => 1 / values.length);
}

export interface RankedClass {
  label: number;
  score: number;
}

/** The `k` highest-scoring classes, best first; ties keep the lower label first. */
export function topClasses(scores: readonly number[], k = 3): RankedClass[] {
  return scores
    .map((score, label) => ({ label, score }))
    .sort((a, b) => b.score - a.score || a.label - b.label)
    .slice(0, k);
}

/** `0.993` → `99%`, `0.005` → `0.5%`: whole percents, one decimal below 10 %. */
export function confidenceText(score: number): string {
  const pct = score * 100;
  return `${pct >= 10 || pct === 0 ? Math.round(pct) : pct.toFixed(1)}%`;
}
