/**
 * The config `train` runs: a base (`--preset`, else example-3), then a run file's config (`--config`, the
 * format `runs show <id> --config` prints), then each config flag. Checked by the same schema as the form,
 * so a combination that cannot train gets the form's explanation.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { modelConfigSchema, type ModelConfig } from '../../../shared/model-config';
import { isStillPreset } from '../../../shared/preset-match';
import { findPreset, PRESETS } from '../../../shared/presets';
import type { RunDetail } from '../../../shared/run-types';
import { CONFIG_FIELD_OPTIONS, DEFAULT_BASE_PRESET, flagOf } from './options/config-options';
import type { OptionReader } from './options/option-reader';
import { didYouMean } from './options/suggest';
import { UsageError } from './usage-error';

/** A run file: the `runs:start` request, its config possibly partial (the base fills the rest). */
const runFileSchema = z.strictObject({
  datasetId: z.string().min(1).optional(),
  presetId: z.string().optional(),
  name: z.string().optional(),
  config: z.record(z.string(), z.unknown()),
});
export type RunFile = z.infer<typeof runFileSchema>;

export interface ResolvedRun {
  config: ModelConfig;
  /** From the run file; `--dataset` wins over it. */
  datasetId: string | undefined;
  /** Kept only while the config still is that preset (preset-match.ts: bar seed, epochs, training-set size). */
  presetId: string | undefined;
  name: string | undefined;
}

/** What `runs show <id> --config` prints: `train --config` reads it back. */
export function runFileOf(run: RunDetail): RunFile {
  return { datasetId: run.datasetId, ...(run.presetId ? { presetId: run.presetId } : {}), config: run.config };
}

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `field: message` for each issue, one line. */
export const issuesLine = (error: z.ZodError, where: (path: PropertyKey[]) => string): string =>
  error.issues.map((i) => `${where(i.path)}: ${i.message}`).join('; ');

function readRunFile(path: string): RunFile {
  const parsed = runFileSchema.safeParse(readJsonFile(path));
  if (!parsed.success) throw new UsageError(`${path}: ${issuesLine(parsed.error, (p) => p.join('.') || 'file')}`);
  const fields = CONFIG_FIELD_OPTIONS.map((f) => f.field as string);
  for (const key of Object.keys(parsed.data.config)) {
    if (!fields.includes(key)) throw new UsageError(`${path}: config.${key} is not a model setting${didYouMean(key, fields)}`);
  }
  return parsed.data;
}

export function resolveRunConfig(o: OptionReader): ResolvedRun {
  const presetId = o.string('preset');
  const preset = findPreset(presetId ?? DEFAULT_BASE_PRESET);
  if (!preset) {
    const ids = PRESETS.map((p) => p.id);
    throw new UsageError(`unknown preset "${presetId}"; choose one of: ${ids.join(', ')}${didYouMean(presetId ?? '', ids)}`);
  }
  const path = o.string('config');
  const file = path === undefined ? undefined : readRunFile(path);
  const candidate: Record<string, unknown> = { ...preset.config, ...file?.config };
  const fromFlag = new Set<string>();
  for (const { field, option } of CONFIG_FIELD_OPTIONS) {
    const value = o.raw(option.name);
    if (value === undefined) continue;
    candidate[field] = value;
    fromFlag.add(field);
  }
  const parsed = modelConfigSchema.safeParse(candidate);
  if (!parsed.success) {
    const where = (p: PropertyKey[]): string => {
      const field = String(p[0] ?? 'config');
      return fromFlag.has(field) ? flagOf(field) : path ? `${field} (from ${path})` : field;
    };
    throw new UsageError(`invalid model config: ${issuesLine(parsed.error, where)}`);
  }
  const basePreset = presetId ?? file?.presetId ?? DEFAULT_BASE_PRESET;
  const kept = basePreset ? findPreset(basePreset) : undefined;
  return {
    config: parsed.data,
    datasetId: file?.datasetId,
    presetId: kept && isStillPreset(parsed.data, kept) ? kept.id : undefined,
    name: file?.name,
  };
}
