/** Which study configuration a run belongs to: deep equality of configs, ignoring the seed. */
import type { ModelConfig } from '../../../../shared/model-config';
import { PRESETS } from '../../../../shared/presets';
import type { StudyConfiguration } from '../../../../shared/study-types';

/** Canonical JSON of `config` without `ignored` fields: keys sorted, so property order never matters. */
export function configFingerprint(config: ModelConfig, ignored: readonly (keyof ModelConfig)[] = ['seed']): string {
  const entries = Object.entries(config)
    .filter(([k]) => !(ignored as readonly string[]).includes(k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(entries);
}

/**
 * The key of the configuration whose config equals `config` except for the seed, or null. Runs carry no
 * configuration key of their own (the runs table has none): a study's runs are created as
 * `{ ...configuration.config, seed }`, so equality minus the seed maps them back unambiguously as long as a
 * study's configurations differ (expansion guarantees it; duplicates map to the first).
 */
export function configurationKeyOf(config: ModelConfig, configurations: readonly StudyConfiguration[]): string | null {
  const fingerprint = configFingerprint(config);
  return configurations.find((c) => configFingerprint(c.config) === fingerprint)?.key ?? null;
}

/** The preset a configuration is: by key (the built-in study), else by config equal minus seed and epochs. */
export function presetIdFor(configuration: StudyConfiguration): string | null {
  const byKey = PRESETS.find((p) => p.id === configuration.key);
  if (byKey) return byKey.id;
  const fingerprint = configFingerprint(configuration.config, ['seed', 'epochs']);
  return PRESETS.find((p) => configFingerprint(p.config, ['seed', 'epochs']) === fingerprint)?.id ?? null;
}
