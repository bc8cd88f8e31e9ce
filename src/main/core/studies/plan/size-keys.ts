/**
 * Keys of the built-in study's configurations when it has a training-set-size factor: `example-1@1000` is
 * Example 1 trained on a 1,000-sample subset; without the factor the key is the preset id alone.
 */
import type { StudyConfiguration } from '../../../../shared/study-types';

/** `example-1@1000` → `example-1`; `example-1` → `example-1`. */
export function presetKeyOf(key: string): string {
  const at = key.indexOf('@');
  return at < 0 ? key : key.slice(0, at);
}

/** `example-1` at `size` samples → `example-1@size`. */
export function sizedKey(presetId: string, size: number): string {
  return `${presetId}@${size}`;
}

/** The configuration's training-set size, or null when it trains on the whole training split. */
export function trainSizeOf(configuration: StudyConfiguration): number | null {
  return configuration.config.trainSize ?? null;
}
