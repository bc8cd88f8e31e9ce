/** Help text, rendered from the same command and option tables the parser reads; lines fit 100 columns. */
import { LAB_VERSION } from '../../core/version';
import { CONFIG_OPTIONS } from './options/config-options';
import { GLOBAL_OPTIONS } from './options/global-options';
import type { CommandSpec, OptionSpec } from './options/option-types';
import { placeholder } from './options/option-values';

export const WIDTH = 100;

export const EXIT_CODES = '0 ok, 1 failure, 2 bad input, 3 the run diverged, 130 stopped with Ctrl-C';

/** Words of `text` in lines of at most `width` columns, every line after the first indented by `indent` more. */
export function wrap(text: string, width: number, indent: number): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** Type, allowed values, range and default, after the description. */
export function describeOption(o: OptionSpec): string {
  const parts = [o.description];
  if (o.choices) parts.push(`One of: ${o.choices.join(', ')}.`);
  if (o.min !== undefined || o.max !== undefined) {
    const kind = o.type === 'list' ? 'Whole numbers' : o.type === 'integer' ? 'A whole number' : 'A number';
    const low = o.min === undefined ? '' : `${o.exclusiveMin ? 'above' : 'from'} ${o.min}`;
    const high = o.max === undefined ? '' : `${!low ? 'at most' : o.exclusiveMin ? ', at most' : ' to'} ${o.max}`;
    parts.push(o.max === undefined ? `${kind}, ${o.exclusiveMin ? 'above' : 'at least'} ${o.min}.` : `${kind} ${low}${high}.`);
  }
  if (o.default !== undefined) parts.push(`Default: ${o.default}.`);
  return parts.map((p, i) => (i === 0 && !/[.:]$/.test(p) ? `${p}.` : p)).join(' ');
}

const flagText = (o: OptionSpec): string => `${o.short ? `-${o.short}, ` : ''}--${o.name}${placeholder(o) ? ` ${placeholder(o)}` : ''}`;

/** Where descriptions start, for these options: after the longest flag (at most 30 columns of it). */
const columnFor = (options: readonly OptionSpec[]): number => Math.min(30, Math.max(...options.map((o) => flagText(o).length))) + 4;

/** Two columns: the flag and its description, wrapped under itself. */
export function optionRows(options: readonly OptionSpec[], column = columnFor(options)): string {
  return options
    .map((o) => {
      const flag = `  ${flagText(o)}`;
      const text = wrap(describeOption(o), WIDTH - column, column);
      return flag.length + 2 <= column ? `${flag.padEnd(column)}${text}` : `${flag}\n${' '.repeat(column)}${text}`;
    })
    .join('\n');
}

export function synopsis(c: CommandSpec): string {
  const args = c.args.map((a) => {
    const name = `<${a.name}>${a.variadic ? '…' : ''}`;
    return a.required ? name : `[${name}]`;
  });
  return ['usage: lab', c.name, ...args, '[options]'].join(' ');
}

export function commandHelp(c: CommandSpec): string {
  const own = c.options.filter((o) => !CONFIG_OPTIONS.includes(o));
  const config = c.options.filter((o) => CONFIG_OPTIONS.includes(o));
  const sections = [wrap(`lab ${c.name}: ${c.summary}`, WIDTH - 2, 2), synopsis(c)];
  if (c.details) sections.push(wrap(c.details, WIDTH, 0));
  if (c.args.length) {
    const width = Math.max(...c.args.map((a) => a.name.length)) + 6;
    sections.push(['Arguments:', ...c.args.map((a) => `  ${`<${a.name}>`.padEnd(width - 2)}${wrap(a.description, WIDTH - width, width)}`)].join('\n'));
  }
  const column = columnFor([...c.options, ...GLOBAL_OPTIONS]);
  if (own.length) sections.push(`Options:\n${optionRows(own, column)}`);
  if (config.length) sections.push(`Model config (each flag overrides --preset and --config):\n${optionRows(config, column)}`);
  sections.push(`Global options:\n${optionRows(GLOBAL_OPTIONS, column)}`);
  sections.push(['Examples:', ...c.examples.map((e) => `  lab ${e}`)].join('\n'));
  return sections.join('\n\n');
}

function commandList(commands: readonly CommandSpec[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 4;
  return commands.map((c) => `  ${c.name.padEnd(width)}${wrap(c.summary, WIDTH - width - 2, width + 2)}`).join('\n');
}

export function groupHelp(group: string, commands: readonly CommandSpec[]): string {
  const subs = commands.filter((c) => c.name.startsWith(`${group} `));
  return [
    `usage: lab ${group} <command> [options]`,
    `Commands:\n${commandList(subs)}`,
    `Run \`lab help ${group} <command>\` for a command's options and examples.`,
  ].join('\n\n');
}

export function overviewHelp(commands: readonly CommandSpec[]): string {
  return [
    `Loss Lab ${LAB_VERSION}: train, compare and study MNIST models from the command line.`,
    'usage: lab [--data-dir <dir>] <command> [<args>] [options]\n       npm run lab -- <command> [<args>] [options]',
    `Commands:\n${commandList(commands)}`,
    `Global options:\n${optionRows([...GLOBAL_OPTIONS, { name: 'version', type: 'boolean', description: 'Print the version' }])}`,
    `Exit codes: ${EXIT_CODES}.`,
    'Run `lab help <command>` or `lab <command> --help` for its options and examples.',
  ].join('\n\n');
}
