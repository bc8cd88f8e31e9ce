/** The name a run gets when the person leaves the name field empty: what it is, what was edited, unique. Pure. */
import type { ModelConfig } from '@shared/model-config';
import type { Preset } from '@shared/presets';
import { label } from '@renderer/app/format';
import { FIELD_TITLES } from './field-titles';

function valueText(value: ModelConfig[keyof ModelConfig]): string {
  if (Array.isArray(value)) return value.join('-');
  return value === undefined ? 'none' : label(value);
}

/** The fields of `config` that differ from the preset's, as `epochs 3, learning rate 0.01`. */
export function editsFrom(preset: Preset, config: ModelConfig): string {
  const keys = new Set([...Object.keys(preset.config), ...Object.keys(config)] as (keyof ModelConfig)[]);
  return [...keys]
    .filter((k) => JSON.stringify(preset.config[k]) !== JSON.stringify(config[k]))
    .map((k) => `${FIELD_TITLES[k].replace(/ \(.*\)$/, '').toLowerCase()} ${valueText(config[k])}`)
    .join(', ');
}

/**
 * `Example 3: relu + softmax + cross-entropy · seed 1`; edited: `… (edited: epochs 3) · seed 1`; without a
 * preset the architecture. A name already in `taken` gets ` (2)`, ` (3)`, … so History never shows two alike.
 */
export function defaultRunName(preset: Preset | undefined, config: ModelConfig, taken: readonly string[]): string {
  const edits = preset ? editsFrom(preset, config) : '';
  const what = preset
    ? `${preset.name}${edits ? ` (edited: ${edits})` : ''}`
    : `${config.hiddenActivation} → ${config.outputActivation}, ${label(config.loss)}`;
  const base = `${what} · seed ${config.seed}`;
  const names = new Set(taken);
  if (!names.has(base)) return base;
  let n = 2;
  while (names.has(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}
