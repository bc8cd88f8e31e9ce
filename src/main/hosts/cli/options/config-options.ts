/**
 * One flag per model-config field, derived from the zod schema (types, bounds, allowed values) and the
 * field titles the form shows: a field added to the schema becomes a flag, in the help too, with no edit here.
 */
import { z } from 'zod';
import { FIELD_TITLES } from '../../../../shared/field-titles';
import { modelConfigSchema, type ModelConfig } from '../../../../shared/model-config';
import { findPreset } from '../../../../shared/presets';
import type { OptionSpec } from './option-types';

/** The base config when neither --preset nor --config gives one. */
export const DEFAULT_BASE_PRESET = 'example-3';

type ConfigField = keyof ModelConfig;

type FieldSchema = z.core.JSONSchema.JSONSchema;

export const kebab = (field: string): string => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

const isField = (key: string): key is ConfigField => Object.hasOwn(FIELD_TITLES, key);

const shown = (value: ModelConfig[ConfigField] | undefined): string | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value.join(',') : String(value);

function optionFor(field: ConfigField, schema: FieldSchema, required: boolean): OptionSpec {
  const base = findPreset(DEFAULT_BASE_PRESET)?.config;
  const common = {
    name: kebab(field),
    description: FIELD_TITLES[field] + (required ? '' : '; unset: all of it'),
    default: shown(base?.[field]),
  };
  if (schema.type === 'array') {
    const each = typeof schema.items === 'object' && !Array.isArray(schema.items) ? schema.items : {};
    return {
      ...common,
      type: 'list',
      min: each.minimum,
      max: each.maximum,
      description: `${common.description}: ${schema.minItems ?? 1}–${schema.maxItems ?? '∞'} layers, input side first`,
    };
  }
  if (schema.enum) return { ...common, type: 'choice', choices: schema.enum.map(String) };
  const exclusive = typeof schema.exclusiveMinimum === 'number';
  return {
    ...common,
    type: schema.type === 'integer' ? 'integer' : 'number',
    min: typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : schema.minimum,
    exclusiveMin: exclusive,
    max: schema.maximum,
  };
}

function deriveConfigOptions(): { field: ConfigField; option: OptionSpec }[] {
  const json = z.toJSONSchema(modelConfigSchema);
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).flatMap(([key, schema]) =>
    isField(key) && typeof schema === 'object' ? [{ field: key, option: optionFor(key, schema, required.has(key)) }] : [],
  );
}

/** In the schema's field order. */
export const CONFIG_FIELD_OPTIONS: readonly { field: ConfigField; option: OptionSpec }[] = deriveConfigOptions();
export const CONFIG_OPTIONS: readonly OptionSpec[] = CONFIG_FIELD_OPTIONS.map((f) => f.option);

/** `--hidden-units` for `hiddenUnits`. */
export const flagOf = (field: string): string => `--${kebab(field)}`;
