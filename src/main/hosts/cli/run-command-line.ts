import { LAB_VERSION } from '../../core/version';
import { defaultDataDir } from '../common/data-dir';
import { LabError } from '../../../shared/bridge';
import { toLabError } from '../../core/lab/errors';
import type { CliSession } from './cli-session';
import { COMMANDS } from './commands';
import { commandHelp, groupHelp, overviewHelp } from './help';
import { OptionReader } from './options/option-reader';
import { parseCommandLine } from './options/parse-command-line';
import { queueUrlOf } from './queue-url';
import { UsageError } from './usage-error';

/** Lab errors that mean the input was wrong (exit 2) rather than that something failed (exit 1). */
const BAD_INPUT_CODES = ['invalid_request', 'not_found', 'dataset_error'];

export function exitCodeOfError(error: unknown): number {
  if (error instanceof UsageError) return 2;
  // Path-taking commands call the core directly, so its errors are typed here as the channels would type them.
  const code = error instanceof LabError ? error.code : toLabError(error).code;
  return BAD_INPUT_CODES.includes(code) ? 2 : 1;
}

/** Runs one command line (without the `lab`); resolves with the exit code, rejects on bad input or failure. */
export async function runCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const line = parseCommandLine(argv, COMMANDS);
  if (line.kind === 'version') return (console.log(LAB_VERSION), 0);
  if (line.kind === 'help') {
    const { topic } = line;
    console.log(topic === null ? overviewHelp(COMMANDS) : typeof topic === 'string' ? groupHelp(topic, COMMANDS) : commandHelp(topic));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === line.command.name);
  if (!command) throw new UsageError(`unknown command "${line.command.name}"`);
  const options = new OptionReader(line.options);
  const dataDir = options.string('data-dir') ?? env['LOSS_LAB_DATA_DIR'] ?? defaultDataDir();
  let opened: CliSession | undefined;
  try {
    return await command.run({
      args: line.args,
      options,
      dataDir,
      env,
      // Imported on first use: help and bad input answer without loading TensorFlow.js.
      session: async () => (opened ??= await (await import('./cli-session')).openCliSession(dataDir, options.number('workers'), queueUrlOf(options, env))),
    });
  } finally {
    await opened?.lab.close();
  }
}
