/** The tables every command is defined by: the parser, the help and the README all read these. */

/** How a flag's value is read. `list` is comma-separated whole numbers (`128,64`). */
export type OptionType = 'string' | 'path' | 'integer' | 'number' | 'list' | 'choice' | 'boolean';

export interface OptionSpec {
  /** kebab-case, without the dashes: `hidden-units`. */
  name: string;
  type: OptionType;
  /** One line for the help. */
  description: string;
  /** As the help shows it; omitted when the option has none. */
  default?: string;
  /** Allowed values of a `choice`. */
  choices?: readonly string[];
  /** Inclusive bounds (`exclusiveMin` when the lower one is excluded) of `integer`, `number` and `list` entries. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
  /** Placeholder in the synopsis: `<dir>`, `<n,n,…>`; derived from `type` when omitted. */
  valueName?: string;
  short?: string;
}

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
  /** Takes every remaining positional. */
  variadic?: boolean;
}

/** A value after parsing: strings stay strings, numbers are checked against their type and bounds. */
export type OptionValue = string | number | boolean | number[];

/** Parsed flags, by kebab-case name; absent flags are missing (defaults are applied by commands). */
export type ParsedOptions = ReadonlyMap<string, OptionValue>;

export interface CommandSpec {
  /** `train`, `runs list`, … */
  name: string;
  /** One line, for the command list. */
  summary: string;
  args: readonly ArgumentSpec[];
  options: readonly OptionSpec[];
  /** Two or three, without the `lab ` prefix. */
  examples: readonly string[];
  /** A sentence or two the help prints after the synopsis. */
  details?: string;
}
