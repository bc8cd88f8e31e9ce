/**
 * `lab [--data-dir <dir>] <command> [<sub>] [args] [options]`, read as git reads its command line: global
 * options may come first, the command words next, then the command's arguments and options in any order.
 */
import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error';
import { GLOBAL_OPTIONS } from './global-options';
import type { CommandSpec, OptionSpec, OptionValue } from './option-types';
import { optionValue } from './option-values';
import { didYouMean } from './suggest';

export type CommandLine =
  | { kind: 'version' }
  /** `topic`: a command, a group word (`runs`), or null for the overview. */
  | { kind: 'help'; topic: CommandSpec | string | null }
  | { kind: 'run'; command: CommandSpec; args: string[]; options: Map<string, OptionValue> };

const groupsOf = (commands: readonly CommandSpec[]): string[] => [...new Set(commands.filter((c) => c.name.includes(' ')).map((c) => c.name.split(' ')[0]))];

/** The command `words` name, a group word, or a one-line error suggesting the closest name. */
export function findCommand(words: readonly string[], commands: readonly CommandSpec[]): CommandSpec | string {
  const [first, second] = words;
  const single = commands.find((c) => c.name === first);
  if (single) return single;
  if (!groupsOf(commands).includes(first)) {
    const names = [...commands.filter((c) => !c.name.includes(' ')).map((c) => c.name), ...groupsOf(commands), 'help'];
    throw new UsageError(`unknown command "${first}"${didYouMean(first, names, (s) => `"${s}"`)}; see \`lab --help\``);
  }
  if (second === undefined || second.startsWith('-')) return first;
  const found = commands.find((c) => c.name === `${first} ${second}`);
  if (found) return found;
  const subs = commands.filter((c) => c.name.startsWith(`${first} `)).map((c) => c.name.split(' ')[1]);
  throw new UsageError(`unknown command "${first} ${second}"${didYouMean(second, subs, (s) => `"${first} ${s}"`)}; see \`lab ${first} --help\``);
}

/** Leading global options (`--data-dir x`, `-h`, `--version`) and where the command words start. */
function skipGlobals(argv: readonly string[]): { start: number; help: boolean; version: boolean } {
  let i = 0;
  let help = false;
  let version = false;
  while (i < argv.length && argv[i].startsWith('-')) {
    const token = argv[i];
    if (token === '--help' || token === '-h') help = true;
    else if (token === '--version') version = true;
    else if (token === '--data-dir') i += 1;
    else if (!token.startsWith('--data-dir=')) throw new UsageError(`unknown option ${token} before the command; see \`lab --help\``);
    i += 1;
  }
  return { start: i, help, version };
}

function readOptions(command: CommandSpec, rest: string[]): { help: boolean; args: string[]; options: Map<string, OptionValue> } {
  const specs: OptionSpec[] = [...command.options, ...GLOBAL_OPTIONS];
  const config = Object.fromEntries(
    specs.map((o) => [o.name, { type: o.type === 'boolean' ? ('boolean' as const) : ('string' as const), ...(o.short ? { short: o.short } : {}) }]),
  );
  const { tokens } = parseArgs({ args: rest, options: config, strict: false, allowPositionals: true, tokens: true });
  const args: string[] = [];
  const options = new Map<string, OptionValue>();
  if (tokens.some((t) => t.kind === 'option' && t.name === 'help')) return { help: true, args, options };
  for (const token of tokens) {
    if (token.kind === 'positional') args.push(token.value);
    if (token.kind !== 'option') continue;
    const spec = specs.find((o) => o.name === token.name);
    if (!spec) {
      const names = specs.map((o) => `--${o.name}`);
      throw new UsageError(`unknown option ${token.rawName} for "lab ${command.name}"${didYouMean(`--${token.name}`, names)}`);
    }
    if (spec.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`--${spec.name} takes no value`);
      options.set(spec.name, true);
    } else {
      if (token.value === undefined) throw new UsageError(`--${spec.name} needs a value`);
      options.set(spec.name, optionValue(spec, token.value));
    }
  }
  const max = command.args.some((a) => a.variadic) ? Infinity : command.args.length;
  if (args.length > max) throw new UsageError(`unexpected argument "${args[max]}" for "lab ${command.name}"`);
  const missing = command.args.filter((a) => a.required)[args.length];
  if (missing) throw new UsageError(`"lab ${command.name}" needs <${missing.name}>: ${missing.description}`);
  return { help: false, args, options };
}

export function parseCommandLine(argv: readonly string[], commands: readonly CommandSpec[]): CommandLine {
  const { start, help, version } = skipGlobals(argv);
  const globals = argv.slice(0, start);
  const words = argv.slice(start);
  if (version) return { kind: 'version' };
  if (words.length === 0) return { kind: 'help', topic: null };
  if (words[0] === 'help') return { kind: 'help', topic: words.length > 1 ? findCommand(words.slice(1), commands) : null };
  const found = findCommand(words, commands);
  // A group without a subcommand lists its subcommands, as gh does.
  if (typeof found === 'string') return { kind: 'help', topic: found };
  const rest = [...globals, ...words.slice(found.name.split(' ').length)];
  const parsed = readOptions(found, rest);
  if (help || parsed.help) return { kind: 'help', topic: found };
  return { kind: 'run', command: found, args: parsed.args, options: parsed.options };
}
