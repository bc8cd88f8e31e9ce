import { describe, expect, it } from 'vitest';
import { trainSizes } from '../../../../src/main/cli/commands/study';
import { requestSchemas } from '../../../../src/shared/contract';

describe('study run seed-article --sizes', () => {
  it('reads a comma-separated list of whole numbers', () => {
    expect(trainSizes('1000,8000,60000')).toEqual([1000, 8000, 60000]);
    expect(trainSizes(' 200, 500 ')).toEqual([200, 500]);
    expect(trainSizes(undefined)).toBeUndefined();
  });

  it('refuses anything else with a message naming the flag', () => {
    expect(() => trainSizes('1000,abc')).toThrow(/--sizes takes whole numbers/);
    expect(() => trainSizes('1.5')).toThrow(/--sizes/);
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
