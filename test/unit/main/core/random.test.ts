import { describe, expect, it } from 'vitest';
import { epochOrder, streamSeed } from '@core/random';

describe('random streams', () => {
  it('gives every (seed, epoch) of seeds 1–5 × epochs 1–10 its own shuffle: all 50 permutations differ', () => {
    const orders = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      for (let epoch = 1; epoch <= 10; epoch++) orders.add(epochOrder(1000, seed, epoch).join(','));
    }
    expect(orders.size).toBe(50);
  });

  it('no longer lets seed s + 1 replay seed s one epoch later', () => {
    expect(epochOrder(1000, 2, 1).join(',')).not.toBe(epochOrder(1000, 1, 2).join(','));
  });

  it('is deterministic and separates stream names', () => {
    expect(epochOrder(500, 7, 3)).toEqual(epochOrder(500, 7, 3));
    expect(streamSeed(1, 'weights/dense1')).toBe(streamSeed(1, 'weights/dense1'));
    const seeds = new Set(['weights/dense1', 'weights/output', 'shuffle', 'probe', 'train-subset/class-0'].map((name) => streamSeed(1, name)));
    expect(seeds.size).toBe(5);
    for (const seed of seeds) expect(seed).toBeGreaterThanOrEqual(0);
    for (const seed of seeds) expect(seed).toBeLessThanOrEqual(0x7fffffff);
  });
});
