import { describe, expect, it } from 'vitest';
import { groupByStudy } from '@renderer/runs/run-groups';
import { runSummary } from '@support/renderer/fixtures';

describe('groupByStudy', () => {
  it('keeps runs started by hand apart and folds study runs under their study, newest study first', () => {
    const { own, studies } = groupByStudy([
      runSummary(1),
      runSummary(2, { studyId: 1 }),
      runSummary(3, { studyId: 2 }),
      runSummary(4, { studyId: 1 }),
      runSummary(5),
    ]);
    expect(own.map((r) => r.id)).toEqual([1, 5]);
    expect(studies.map((g) => [g.studyId, g.runs.map((r) => r.id)])).toEqual([
      [2, [3]],
      [1, [2, 4]],
    ]);
  });
});
