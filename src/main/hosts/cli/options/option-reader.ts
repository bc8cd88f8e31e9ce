import type { OptionValue, ParsedOptions } from './option-types';

/** Typed reads of parsed flags; the parser has already checked each value against its option's type. */
export class OptionReader {
  constructor(private readonly values: ParsedOptions) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  flag(name: string): boolean {
    return this.values.get(name) === true;
  }

  string(name: string): string | undefined {
    const v = this.values.get(name);
    return typeof v === 'string' ? v : undefined;
  }

  number(name: string): number | undefined {
    const v = this.values.get(name);
    return typeof v === 'number' ? v : undefined;
  }

  list(name: string): number[] | undefined {
    const v = this.values.get(name);
    return Array.isArray(v) ? v : undefined;
  }

  /** Whatever was parsed for `name`: the value a config field takes. */
  raw(name: string): OptionValue | undefined {
    return this.values.get(name);
  }
}
