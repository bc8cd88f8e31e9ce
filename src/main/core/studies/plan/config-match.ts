/**
 * Which study configuration a run belongs to, and which preset a configuration is. Two different questions:
 * a study's configurations may differ in `trainSize` alone (a size factor), so its runs are told apart by
 * everything but the seed, while "is it a preset" ignores all the procedural fields (preset-match.ts).
 */
import type { ModelConfig } from '../../../../shared/model-config';
import { configFingerprint, presetOf } from '../../../../shared/preset-match';
import type { StudyConfiguration } from '../../../../shared/study-types';

/**
 * The key of the configuration whose config equals `config` except for the seed, or null. Runs carry no
 * configuration key of their own (the runs table has none): a study's runs are created as
 * `{ ...configuration.config, seed }`, so equality minus the seed maps them back unambiguously as long as a
 * study's configurations differ (expansion guarantees it; duplicates map to the first).
 */
export function configurationKeyOf(config: ModelConfig, configurations: readonly StudyConfiguration[]): string | null {
  const fingerprint = configFingerprint(config, ['seed']);
  return configurations.find((c) => configFingerprint(c.config, ['seed']) === fingerprint)?.key ?? null;
}

/**
 * The preset a configuration's runs are stored with: the one its config still is (preset-match.ts), so the
 * built-in study's `example-1@1000` is Example 1 and a custom study's base level of a preset is that preset.
 */
export function presetIdFor(configuration: StudyConfiguration): string | null {
  return presetOf(configuration.config)?.id ?? null;
}
