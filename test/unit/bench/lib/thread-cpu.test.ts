import { describe, expect, it } from 'vitest';
import { threadCores, threadCpuSeconds } from '../../../../bench/lib/thread-cpu';

describe('threadCores', () => {
  it('splits the cores between the busiest threads, the main thread and the rest', () => {
    const before = new Map([
      [process.pid, 1],
      [11, 0],
      [12, 5],
      [13, 2],
    ]);
    const after = new Map([
      [process.pid, 2],
      [11, 9],
      [12, 14.5],
      [13, 3],
      [14, 0.5],
    ]);
    const split = threadCores(before, after, 10, 2);
    expect(split.busiest).toEqual([0.95, 0.9]);
    expect(split.main).toBeCloseTo(0.1);
    expect(split.others).toBeCloseTo(0.15);
  });

  it('reads this process, the main thread included', () => {
    expect(threadCpuSeconds().has(process.pid)).toBe(true);
  });
});
