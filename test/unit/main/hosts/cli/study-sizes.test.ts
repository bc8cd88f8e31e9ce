import { describe, expect, it } from 'vitest';
import { COMMANDS } from '@hosts/cli/commands';
import { parseCommandLine } from '@hosts/cli/options/parse-command-line';
import { requestSchemas } from '@shared/contract';

const sizesOf = (value: string) => {
  const line = parseCommandLine(['study', 'run', 'seed-article', '--sizes', value], COMMANDS);
  return line.kind === 'run' ? line.options.get('sizes') : undefined;
};

describe('study run seed-article --sizes', () => {
  it('reads a comma-separated list of whole numbers', () => {
    expect(sizesOf('1000,8000,60000')).toEqual([1000, 8000, 60000]);
  });

  it('refuses anything else with a message naming the flag', () => {
    expect(() => sizesOf('1000,abc')).toThrow(/--sizes/);
    expect(() => sizesOf('1.5')).toThrow(/--sizes/);
    expect(() => sizesOf('50')).toThrow(/--sizes/);
  });
});

describe('studies:startBuiltin', () => {
  const schema = requestSchemas['studies:startBuiltin'];

  it('runs on the article data by default, 5 seeds × 10 epochs, without sizes', () => {
    expect(schema.parse({ builtinId: 'seed-article' })).toEqual({ builtinId: 'seed-article', datasetId: 'mnist', seeds: 5, epochs: 10 });
  });

  it('takes distinct sizes of at least 100 samples', () => {
    expect(schema.parse({ builtinId: 'seed-article', sizes: [1000, 8000, 60000] }).sizes).toEqual([1000, 8000, 60000]);
    expect(schema.safeParse({ builtinId: 'seed-article', sizes: [50] }).success).toBe(false);
    expect(schema.safeParse({ builtinId: 'seed-article', sizes: [1000, 1000] }).success).toBe(false);
    expect(schema.safeParse({ builtinId: 'seed-article', sizes: [] }).success).toBe(false);
  });
});
