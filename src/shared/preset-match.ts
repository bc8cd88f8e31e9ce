/**
 * "Is this run still the preset?": the one rule the Experiment form, the command line's `train`, the core's
 * `runs:start` and a study's runs all use to decide which preset id a run is stored with.
 *
 * A run still is a preset when every model-defining field equals the preset's. The procedural fields say how
 * often, how long and on how much data the same model is trained, not which model it is, so they never count:
 * - `seed`: which draw of the initial weights and of the shuffling. Repeating a preset over seeds is how its
 *   result gets an error bar; every one of those runs is the preset.
 * - `epochs`: how long it trains. A 2-epoch try of Example 3 is Example 3 stopped early (same seed, same first
 *   two epochs); the built-in study itself trains the presets for a chosen number of epochs.
 * - `trainSize`: how many training samples. The built-in study's size factor trains Example 1 on 1,000 samples
 *   and still calls it Example 1 (key `example-1@1000`).
 * Everything else (layers, activations, loss, target encoding, output rescale, optimizer, learning rate, batch
 * size, validation split, initializer) is what a preset reproduces from the seed article: change one and it is
 * another experiment.
 */
import type { ModelConfig } from './model-config';
import { PRESETS, type Preset } from './presets';

/** The fields that never make a run stop being its preset (see the file comment for why each). */
export const PROCEDURAL_FIELDS = ['seed', 'epochs', 'trainSize'] as const satisfies readonly (keyof ModelConfig)[];

/**
 * Canonical JSON of `config` without the `ignoring` fields: keys sorted, so property order never matters, and an
 * absent optional field equals one set to `undefined` (a form that clears `trainSize` leaves the key behind).
 * Two configs with equal fingerprints train the same way in every field not ignored.
 */
export function configFingerprint(config: ModelConfig, ignoring: readonly (keyof ModelConfig)[]): string {
  const skipped = new Set<string>(ignoring);
  const entries = Object.entries(config)
    .filter(([k, v]) => !skipped.has(k) && v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/** Whether `config` still is `preset`: every field equal but the procedural ones. */
export function isStillPreset(config: ModelConfig, preset: Preset): boolean {
  return configFingerprint(config, PROCEDURAL_FIELDS) === configFingerprint(preset.config, PROCEDURAL_FIELDS);
}

/** The preset `config` still is, or undefined (presets differ in model-defining fields, so at most one is). */
export function presetOf(config: ModelConfig, presets: readonly Preset[] = PRESETS): Preset | undefined {
  return presets.find((p) => isStillPreset(config, p));
}
