/** Inline validation of the model form, from the same schema the core applies. Pure. */
import { incompatibility, modelConfigSchema, type ModelConfig } from '@shared/model-config';

/** Field name (a ModelConfig key) → the message to show beside it. Empty when the config can train. */
export type ConfigErrors = Partial<Record<keyof ModelConfig, string>>;

export function configErrors(config: ModelConfig): ConfigErrors {
  const errors: ConfigErrors = {};
  const parsed = modelConfigSchema.safeParse(config);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !(field in config)) continue;
      const key = field as keyof ModelConfig;
      // An emptied number field is NaN; a fraction where a whole number belongs keeps the schema's message.
      const value = config[key];
      errors[key] ??= typeof value === 'number' && !Number.isFinite(value) ? 'enter a number' : issue.message;
    }
  }
  // The schema reports the incompatibility only once the fields themselves are valid; show it regardless.
  const problem = incompatibility(config);
  if (problem && problem.field in config) errors[problem.field as keyof ModelConfig] ??= problem.message;
  return errors;
}
