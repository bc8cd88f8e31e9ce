import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@hosts/cli/commands';
import { parseCommandLine } from '@hosts/cli/options/parse-command-line';
import { UsageError } from '@hosts/cli/usage-error';

const parse = (...argv: string[]) => parseCommandLine(argv, COMMANDS);
const options = (...argv: string[]) => {
  const line = parse(...argv);
  if (line.kind !== 'run') throw new Error(`expected a command, got ${line.kind}`);
  return line.options;
};
const usageError = (...argv: string[]): string => {
  try {
    parse(...argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no error for ${argv.join(' ')}`);
};

describe('parseCommandLine: config flags', () => {
  it.each([
    ['--hidden-units', '128,64', [128, 64]],
    ['--hidden-activation', 'tanh', 'tanh'],
    ['--output-activation', 'sigmoid', 'sigmoid'],
    ['--loss', 'mse', 'mse'],
    ['--target-encoding', 'oneHotPlusMinus1', 'oneHotPlusMinus1'],
    ['--output-rescale', 'tanhToUnit', 'tanhToUnit'],
    ['--optimizer', 'rmsprop', 'rmsprop'],
    ['--learning-rate', '0.01', 0.01],
    ['--batch-size', '64', 64],
    ['--epochs', '3', 3],
    ['--validation-split', '0', 0],
    ['--seed', '7', 7],
    ['--initializer', 'heNormal', 'heNormal'],
    ['--train-size', '1000', 1000],
  ])('reads %s %s', (flag, text, value) => {
    expect(options('train', flag, text).get(flag.slice(2))).toEqual(value);
    expect(options('train', `${flag}=${text}`).get(flag.slice(2))).toEqual(value);
  });

  it('accepts an enum value in any case, as the schema spells it', () => {
    expect(options('train', '--loss', 'MSE').get('loss')).toBe('mse');
  });

  it.each([
    [['--hidden-units', '128,x'], 'each entry of --hidden-units must be a whole number at least 1, at most 1024, got "x"'],
    [['--hidden-units', '2000'], 'at most 1024'],
    [['--learning-rate', '0'], '--learning-rate must be a number above 0, at most 10, got "0"'],
    [['--epochs', '1.5'], '--epochs must be a whole number'],
    [['--loss', 'cross-entropy'], '--loss must be one of mse, categoricalCrossentropy'],
    [['--hidden-activaton', 'tanh'], 'unknown option --hidden-activaton for "lab train" (did you mean --hidden-activation?)'],
    [['--epochs'], '--epochs needs a value'],
    [['--json=yes'], '--json takes no value'],
    [['extra'], 'unexpected argument "extra"'],
  ])('refuses %j in one line', (args, message) => {
    const text = usageError('train', ...args);
    expect(text).toContain(message);
    expect(text).not.toContain('\n');
  });

  it('suggests the closest choice', () => {
    expect(usageError('train', '--optimizer', 'adma')).toMatch(/\(did you mean adam\?\)$/);
  });
});

describe('parseCommandLine: commands and help', () => {
  it('finds one- and two-word commands, their positionals, and global options before or after', () => {
    const line = parse('--data-dir', '/tmp/x', 'runs', 'compare', '3', '4', '--json');
    expect(line).toMatchObject({ kind: 'run', command: { name: 'runs compare' }, args: ['3', '4'] });
    if (line.kind === 'run') expect(line.options.get('data-dir')).toBe('/tmp/x');
    expect(parse('runs', 'show', '3', '--data-dir=/tmp/y')).toMatchObject({ kind: 'run', args: ['3'] });
  });

  it('reads every way of asking for help', () => {
    expect(parse()).toEqual({ kind: 'help', topic: null });
    expect(parse('--help')).toEqual({ kind: 'help', topic: null });
    expect(parse('help')).toEqual({ kind: 'help', topic: null });
    expect(parse('help', 'train')).toMatchObject({ kind: 'help', topic: { name: 'train' } });
    expect(parse('help', 'study', 'run')).toMatchObject({ kind: 'help', topic: { name: 'study run' } });
    expect(parse('train', '--help')).toMatchObject({ kind: 'help', topic: { name: 'train' } });
    expect(parse('runs', 'show', '-h')).toMatchObject({ kind: 'help', topic: { name: 'runs show' } });
    expect(parse('train', '--epochs', 'x', '--help')).toMatchObject({ kind: 'help', topic: { name: 'train' } });
    expect(parse('runs')).toEqual({ kind: 'help', topic: 'runs' });
    expect(parse('study', '--help')).toEqual({ kind: 'help', topic: 'study' });
    expect(parse('--version')).toEqual({ kind: 'version' });
  });

  it('suggests the closest command', () => {
    expect(usageError('trian')).toContain('unknown command "trian" (did you mean "train"?)');
    expect(usageError('runs', 'lst')).toContain('unknown command "runs lst" (did you mean "runs list"?)');
    expect(usageError('help', 'stduy', 'run')).toContain('did you mean "study"?');
    expect(usageError('fly')).toBe('unknown command "fly"; see `lab --help`');
  });

  it('requires the arguments a command names', () => {
    expect(usageError('runs', 'compare', '3')).toContain('"lab runs compare" needs <b>');
    expect(usageError('runs', 'json')).toContain('unknown command "runs json"');
  });
});
