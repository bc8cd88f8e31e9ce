import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@hosts/cli/commands';
import { commandHelp, groupHelp, overviewHelp, WIDTH, wrap } from '@hosts/cli/help';
import { CONFIG_OPTIONS } from '@hosts/cli/options/config-options';
import { parseCommandLine } from '@hosts/cli/options/parse-command-line';

const fits = (text: string): void => {
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(WIDTH);
};
/** `lab a b > f && lab c d` → [['a', 'b'], ['c', 'd']] */
const commandLines = (example: string): string[][] => example.split(' && lab ').map((part) => part.replace(/ > \S+/, '').split(' '));

describe('help', () => {
  it('the overview lists every command, the exit codes, and fits 100 columns', () => {
    const text = overviewHelp(COMMANDS);
    for (const c of COMMANDS) expect(text).toMatch(new RegExp(`^  ${c.name}\\s+${c.summary.slice(0, 20).replace(/[()]/g, '\\$&')}`, 'm'));
    expect(text).toContain('Exit codes: 0 ok, 1 failure, 2 bad input, 3 the run diverged, 130 stopped with Ctrl-C');
    fits(text);
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('%s: synopsis, every option with type, default and values, examples', (_, c) => {
    const text = commandHelp(c);
    fits(text);
    expect(text).toContain(`usage: lab ${c.name}`);
    for (const a of c.args) expect(text).toContain(`<${a.name}>`);
    for (const o of [...c.options, { name: 'data-dir' }, { name: 'help' }]) expect(text).toContain(`--${o.name}`);
    const flat = text.replace(/\s+/g, ' ');
    for (const o of c.options) {
      if (o.default !== undefined) expect(flat).toContain(`Default: ${o.default}`);
      if (o.choices) expect(flat).toContain(`One of: ${o.choices.join(', ')}`);
    }
    expect(c.examples.length).toBeGreaterThanOrEqual(2);
    expect(c.examples.length).toBeLessThanOrEqual(3);
    for (const e of c.examples) expect(text).toContain(`  lab ${e}`);
  });

  it('every example parses as the command it illustrates', () => {
    for (const c of COMMANDS) {
      for (const example of c.examples) {
        const [first, ...rest] = commandLines(example);
        expect(parseCommandLine(first, COMMANDS), example).toMatchObject({ kind: 'run', command: { name: c.name } });
        for (const line of rest) expect(parseCommandLine(line, COMMANDS).kind, example).toBe('run');
      }
    }
  });

  it('train lists every model-config field under its own heading', () => {
    const text = commandHelp(COMMANDS.find((c) => c.name === 'train')!);
    const [, config] = text.split('Model config (each flag overrides --preset and --config):');
    for (const o of CONFIG_OPTIONS) expect(config).toContain(`--${o.name}`);
    expect(config.replace(/\s+/g, ' ')).toContain('--learning-rate <x> Learning rate. A number above 0, at most 10. Default: 0.001.');
  });

  it('a group lists its subcommands', () => {
    const text = groupHelp('study', COMMANDS);
    for (const name of ['study run', 'study list', 'study show', 'study resume', 'study cancel', 'study export']) expect(text).toContain(name);
    expect(text).not.toContain('runs list');
  });

  it('wraps words to the width, indenting continuation lines', () => {
    expect(wrap('aaa bbb ccc ddd', 7, 2)).toBe('aaa bbb\n  ccc ddd');
  });
});
