import { describe, expect, it } from 'vitest';
import { PRESETS } from '@shared/presets';
import { defaultRunName, editsFrom } from '@shared/run-name';

const example3 = PRESETS.find((p) => p.id === 'example-3');
if (!example3) throw new Error('Example 3 preset missing');

describe('default run names', () => {
  it('names an unedited preset run by the preset and its seed', () => {
    expect(defaultRunName(example3, example3.config, [])).toBe('Example 3: relu + softmax + cross-entropy · seed 1');
    expect(defaultRunName(example3, example3.config)).toBe('Example 3: relu + softmax + cross-entropy · seed 1');
  });

  it('records what was edited instead of losing the preset', () => {
    const config = { ...example3.config, epochs: 3, learningRate: 0.01 };
    expect(editsFrom(example3, config)).toBe('learning rate 0.01, epochs 3');
    expect(defaultRunName(example3, config, [])).toBe('Example 3: relu + softmax + cross-entropy (edited: learning rate 0.01, epochs 3) · seed 1');
    expect(editsFrom(example3, { ...example3.config, loss: 'mse' })).toBe('loss MSE');
  });

  it('states the seed once: a changed seed is in the name, not in its edits', () => {
    const config = { ...example3.config, seed: 5 };
    expect(editsFrom(example3, config)).toBe('seed 5');
    expect(editsFrom(example3, config, ['seed'])).toBe('');
    expect(defaultRunName(example3, config)).toBe('Example 3: relu + softmax + cross-entropy · seed 5');
    expect(defaultRunName(example3, { ...config, epochs: 2 })).toBe('Example 3: relu + softmax + cross-entropy (edited: epochs 2) · seed 5');
  });

  it('names a field the preset lacks, and one cleared back to absent', () => {
    expect(editsFrom(example3, { ...example3.config, trainSize: 1000 })).toBe('training-set size 1000');
    expect(editsFrom(example3, { ...example3.config, trainSize: undefined })).toBe('');
  });

  it('never repeats a name already in History', () => {
    const config = { ...example3.config };
    const first = defaultRunName(undefined, config, []);
    expect(first).toBe('relu → softmax, categorical cross-entropy · seed 1');
    expect(defaultRunName(undefined, config, [first])).toBe(`${first} (2)`);
    expect(defaultRunName(undefined, config, [first, `${first} (2)`])).toBe(`${first} (3)`);
  });
});
