import { describe, expect, it } from 'vitest';
import { eightCoreEstimate } from '../../../../bench/sections/full-study';

describe('eightCoreEstimate', () => {
  it('runs the 25 runs in waves of 8 at the per-worker rate measured with 2 workers', () => {
    // 2 workers together at 20,000 samples/s: 10,000 each; a 10-epoch run of 60,000 images takes 60 s; 4 waves.
    expect(eightCoreEstimate(20_000, 10)).toBe(240);
    expect(eightCoreEstimate(40_000, 10)).toBe(120);
  });
});
