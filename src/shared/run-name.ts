/**
 * The name a run gets when nobody names it: what it is, what was edited, its seed. One function for the
 * Experiment form (whose placeholder shows it) and the core's `runs:start` (command line, API), so History
 * reads the same whichever started the run. Pure.
 */
import { FIELD_TITLES } from './field-titles';
import type { ModelConfig } from './model-config';
import { optionLabel } from './option-labels';
import type { Preset } from './presets';

function valueText(value: ModelConfig[keyof ModelConfig]): string {
  if (Array.isArray(value)) return value.join('-');
  return value === undefined ? 'none' : optionLabel(value);
}

/**
 * The fields of `config` that differ from the preset's, as `epochs 3, learning rate 0.01`, in the preset's
 * field order; `ignoring` leaves fields out. Empty when nothing differs.
 */
export function editsFrom(preset: Preset, config: ModelConfig, ignoring: readonly (keyof ModelConfig)[] = []): string {
  const keys = new Set([...Object.keys(preset.config), ...Object.keys(config)] as (keyof ModelConfig)[]);
  return [...keys]
    .filter((k) => !ignoring.includes(k) && JSON.stringify(preset.config[k]) !== JSON.stringify(config[k]))
    .map((k) => `${FIELD_TITLES[k].replace(/ \(.*\)$/, '').toLowerCase()} ${valueText(config[k])}`)
    .join(', ');
}

/**
 * `Example 3: relu + softmax + cross-entropy · seed 1`; edited: `… (edited: epochs 3) · seed 1` (the seed is
 * never listed as an edit: the name ends with it anyway); without a preset the architecture,
 * `relu → softmax, categorical cross-entropy · seed 1`. A name already in `taken` gets ` (2)`, ` (3)`, … so
 * History never shows two alike.
 */
export function defaultRunName(preset: Preset | undefined, config: ModelConfig, taken: readonly string[] = []): string {
  const edits = preset ? editsFrom(preset, config, ['seed']) : '';
  const what = preset
    ? `${preset.name}${edits ? ` (edited: ${edits})` : ''}`
    : `${config.hiddenActivation} → ${config.outputActivation}, ${optionLabel(config.loss)}`;
  const base = `${what} · seed ${config.seed}`;
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
