import { describe, expect, it } from 'vitest';
import { closest, didYouMean, editDistance } from '@hosts/cli/options/suggest';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('--hiden-units', '--hidden-units')).toBe(1);
  });
});

describe('closest', () => {
  const flags = ['--hidden-units', '--hidden-activation', '--output-activation', '--learning-rate'];
  it('picks the nearest candidate, ignoring case', () => {
    expect(closest('--hiden-units', flags)).toBe('--hidden-units');
    expect(closest('--Learning-Rate', flags)).toBe('--learning-rate');
    expect(closest('--output-activaton', flags)).toBe('--output-activation');
  });
  it('suggests nothing for a wild guess', () => {
    expect(closest('--zzz', flags)).toBeNull();
    expect(didYouMean('fly', ['train', 'runs', 'study', 'datasets'])).toBe('');
    expect(didYouMean('trian', ['train', 'runs'], (s) => `"${s}"`)).toBe(' (did you mean "train"?)');
  });
});
