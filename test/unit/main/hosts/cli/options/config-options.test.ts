import { describe, expect, it } from 'vitest';
import { FIELD_TITLES } from '@shared/field-titles';
import { HIDDEN_ACTIVATIONS, INITIALIZERS, LOSSES, OPTIMIZERS, OUTPUT_ACTIVATIONS } from '@shared/model-config';
import { CONFIG_FIELD_OPTIONS, CONFIG_OPTIONS, kebab } from '@hosts/cli/options/config-options';

const option = (name: string) => CONFIG_OPTIONS.find((o) => o.name === name);

describe('config flags', () => {
  it('has one kebab-case flag per model-config field, titled as the form titles it', () => {
    expect(CONFIG_FIELD_OPTIONS.map((f) => f.field).sort()).toEqual(Object.keys(FIELD_TITLES).sort());
    for (const { field, option: o } of CONFIG_FIELD_OPTIONS) {
      expect(o.name).toBe(kebab(field));
      expect(o.description).toContain(FIELD_TITLES[field]);
    }
    expect(CONFIG_OPTIONS.map((o) => o.name)).toEqual(expect.arrayContaining(['hidden-units', 'train-size', 'learning-rate', 'initializer']));
  });

  it('takes types, bounds and allowed values from the zod schema', () => {
    expect(option('hidden-units')).toMatchObject({ type: 'list', min: 1, max: 1024 });
    expect(option('hidden-activation')?.choices).toEqual(HIDDEN_ACTIVATIONS);
    expect(option('output-activation')?.choices).toEqual(OUTPUT_ACTIVATIONS);
    expect(option('loss')?.choices).toEqual(LOSSES);
    expect(option('optimizer')?.choices).toEqual(OPTIMIZERS);
    expect(option('initializer')?.choices).toEqual(INITIALIZERS);
    expect(option('learning-rate')).toMatchObject({ type: 'number', min: 0, exclusiveMin: true, max: 10 });
    expect(option('batch-size')).toMatchObject({ type: 'integer', min: 1, max: 8192 });
    expect(option('validation-split')).toMatchObject({ type: 'number', min: 0, max: 0.5 });
    expect(option('train-size')).toMatchObject({ type: 'integer', min: 100 });
  });

  it('shows the default base (example-3) as each default; the optional field has none', () => {
    expect(option('hidden-activation')?.default).toBe('relu');
    expect(option('loss')?.default).toBe('categoricalCrossentropy');
    expect(option('hidden-units')?.default).toBe('128');
    expect(option('train-size')?.default).toBeUndefined();
  });
});
