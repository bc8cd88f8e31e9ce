/** Turns a study request into its configurations: the cartesian product of the factors' levels. */
import { modelConfigSchema, type ModelConfig } from '../../../../shared/model-config';
import { PRESETS } from '../../../../shared/presets';
import type { ParsedRequest } from '../../../../shared/contract';
import type { StudyConfiguration } from '../../../../shared/study-types';
import { sizedKey } from './size-keys';

/** The id of the built-in study that tests the seed article's four claims. */
export const SEED_ARTICLE_ID = 'seed-article';

export type Factor = ParsedRequest<'studies:create'>['factors'][number];

/** A combination of levels that cannot train, with the schema's reason. */
export interface SkippedCombination {
  key: string;
  label: string;
  reason: string;
}

export interface Expansion {
  configurations: StudyConfiguration[];
  skipped: SkippedCombination[];
  /** Seeds every configuration runs with: 1..n. */
  seeds: number[];
}

type Level = Factor['levels'][number];

/** Human names of the factor fields, for labels. */
const FIELD_LABELS: Record<Factor['field'], string> = {
  loss: 'loss',
  outputActivation: 'output',
  hiddenActivation: 'hidden',
  targetEncoding: 'targets',
  optimizer: 'optimizer',
  outputRescale: 'rescale',
  learningRate: 'lr',
  batchSize: 'batch',
  trainSize: 'train size',
};

/** Every combination of one level per factor, in factor order (the last factor varies fastest). */
function product(factors: readonly Factor[]): { field: Factor['field']; level: Level }[][] {
  let combos: { field: Factor['field']; level: Level }[][] = [[]];
  for (const factor of factors) {
    const levels = [...new Set(factor.levels)];
    combos = combos.flatMap((combo) => levels.map((level) => [...combo, { field: factor.field, level }]));
  }
  return combos;
}

/** 1..n. */
export function seedList(seeds: number): number[] {
  return Array.from({ length: seeds }, (_, i) => i + 1);
}

/**
 * Expands `base` × factors. Combinations that fail `modelConfigSchema` (e.g. cross-entropy with tanh
 * outputs, or a level of the wrong type) are dropped and returned in `skipped` with the schema's message.
 * Keys look like `loss=mse,outputActivation=tanh` (`base` with no factors); a factor repeated later wins.
 */
export function expandStudy(base: ModelConfig, factors: readonly Factor[], seeds: number): Expansion {
  const configurations: StudyConfiguration[] = [];
  const skipped: SkippedCombination[] = [];
  for (const combo of product(factors)) {
    const key = combo.length === 0 ? 'base' : combo.map((c) => `${c.field}=${c.level}`).join(',');
    const label = combo.length === 0 ? 'base' : combo.map((c) => `${FIELD_LABELS[c.field]} ${c.level}`).join(' · ');
    const candidate: Record<string, unknown> = { ...base };
    for (const c of combo) candidate[c.field] = c.level;
    const parsed = modelConfigSchema.safeParse(candidate);
    if (parsed.success) configurations.push({ key, label, config: parsed.data });
    else skipped.push({ key, label, reason: parsed.error.issues.map((i) => i.message).join('; ') });
  }
  return { configurations, skipped, seeds: seedList(seeds) };
}

/** One line for the UI, e.g. "3 combinations skipped: loss categoricalCrossentropy · output tanh (…)". */
export function describeSkipped(skipped: readonly SkippedCombination[]): string | null {
  if (skipped.length === 0) return null;
  const noun = skipped.length === 1 ? 'combination' : 'combinations';
  return `${skipped.length} ${noun} skipped: ${skipped.map((s) => `${s.label} (${s.reason})`).join('; ')}`;
}

/**
 * The built-in study: the five presets, each with `epochs` epochs; keys are the preset ids. With `sizes` every
 * preset runs at each training-set size (ascending), keyed `example-1@1000` (see size-keys) and labelled
 * "… · train size 1,000". Its defaults (5 seeds, 10 epochs, `mnist`) live in the contract's
 * `studies:startBuiltin` schema.
 */
export function seedArticleConfigurations(epochs: number, sizes?: readonly number[]): StudyConfiguration[] {
  if (!sizes || sizes.length === 0) {
    return PRESETS.map((preset) => ({ key: preset.id, label: preset.name, config: { ...preset.config, epochs } }));
  }
  const ascending = [...new Set(sizes)].sort((a, b) => a - b);
  return ascending.flatMap((trainSize) =>
    PRESETS.map((preset) => ({
      key: sizedKey(preset.id, trainSize),
      label: `${preset.name} · train size ${trainSize.toLocaleString('en-US')}`,
      config: { ...preset.config, epochs, trainSize },
    })),
  );
}
