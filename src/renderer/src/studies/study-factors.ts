/** The factors a study may vary, their possible levels, and the form's validation. Pure. */
import type { Request } from '@shared/contract';
import { HIDDEN_ACTIVATIONS, LOSSES, OPTIMIZERS, OUTPUT_ACTIVATIONS, OUTPUT_RESCALES, TARGET_ENCODINGS } from '@shared/model-config';
import { FIELD_TITLES } from '../runs/field-titles';

type FactorSpec = Request<'studies:create'>['factors'][number];
export type FactorField = FactorSpec['field'];

export interface FactorDef {
  field: FactorField;
  title: string;
  /** Enum factors pick levels from these; numeric factors (null) take a comma-separated list. */
  options: readonly string[] | null;
}

export const FACTORS: readonly FactorDef[] = [
  { field: 'loss', title: FIELD_TITLES.loss, options: LOSSES },
  { field: 'outputActivation', title: FIELD_TITLES.outputActivation, options: OUTPUT_ACTIVATIONS },
  { field: 'hiddenActivation', title: FIELD_TITLES.hiddenActivation, options: HIDDEN_ACTIVATIONS },
  { field: 'targetEncoding', title: FIELD_TITLES.targetEncoding, options: TARGET_ENCODINGS },
  { field: 'optimizer', title: FIELD_TITLES.optimizer, options: OPTIMIZERS },
  { field: 'outputRescale', title: FIELD_TITLES.outputRescale, options: OUTPUT_RESCALES },
  { field: 'learningRate', title: FIELD_TITLES.learningRate, options: null },
  { field: 'batchSize', title: FIELD_TITLES.batchSize, options: null },
  { field: 'trainSize', title: FIELD_TITLES.trainSize, options: null },
];

/** Numeric factors whose levels are whole numbers. */
const INTEGER_FIELDS: readonly FactorField[] = ['batchSize', 'trainSize'];

export const MAX_FACTORS = 4;
export const MAX_LEVELS = 8;

/** What the form holds for one chosen factor: ticked enum levels, or the text of a numeric list. */
export interface FactorDraft {
  field: FactorField;
  picked: string[];
  text: string;
}

/** `0.001, 0.01` → [0.001, 0.01]; null when any entry is not a positive number. */
export function parseNumbers(text: string, integer: boolean): number[] | null {
  const parts = text.split(/[,\s]+/).filter((p) => p !== '');
  const values = parts.map(Number);
  const ok = values.every((v) => Number.isFinite(v) && v > 0 && (!integer || Number.isInteger(v)));
  return ok ? values : null;
}

export function levelsOf(draft: FactorDraft): (string | number)[] | null {
  const def = FACTORS.find((f) => f.field === draft.field);
  if (def?.options) return draft.picked;
  return parseNumbers(draft.text, INTEGER_FIELDS.includes(draft.field));
}

/** Why a factor draft cannot be submitted, or null. */
export function factorError(draft: FactorDraft): string | null {
  const levels = levelsOf(draft);
  if (levels === null) return INTEGER_FIELDS.includes(draft.field) ? 'whole numbers above 0, comma-separated' : 'numbers above 0, comma-separated';
  if (levels.length === 0) return 'pick at least one level';
  if (levels.length > MAX_LEVELS) return `at most ${MAX_LEVELS} levels`;
  return null;
}

/** Configurations a study runs: the product of every factor's level count. */
export function configurationCount(drafts: readonly FactorDraft[]): number {
  return drafts.reduce((n, d) => n * Math.max(0, levelsOf(d)?.length ?? 0), 1);
}
