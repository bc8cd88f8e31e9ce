import type { CliSession } from './cli-session';
import type { OptionReader } from './options/option-reader';
import type { CommandSpec } from './options/option-types';

/** What a command gets from the dispatcher. */
export interface CommandContext {
  args: readonly string[];
  options: OptionReader;
  dataDir: string;
  /** The environment (LOSS_LAB_QUEUE_PASSWORD, …). */
  env: NodeJS.ProcessEnv;
  /** Opens the lab on first call (with `--workers` when the command has it); the dispatcher closes it. */
  session(): Promise<CliSession>;
}

/** A command: its table (parsed and rendered as help) and what it does; resolves with the exit code. */
export interface Command extends CommandSpec {
  run(ctx: CommandContext): Promise<number>;
}
