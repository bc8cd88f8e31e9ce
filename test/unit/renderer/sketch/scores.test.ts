import { describe, expect, it } from 'vitest';
import { confidenceText, scoresOf, topClasses } from '@renderer/sketch/scores';
import { defaultModels, lossFamily } from '@renderer/sketch/default-models';
import { runSummary } from '@support/renderer/fixtures';

describe('scoresOf', () => {
  it('keeps softmax outputs as probabilities', () => {
    const out = [0.01, 0.97, 0.02, 0, 0, 0, 0, 0, 0, 0];
    expect(scoresOf(out)).toEqual({ kind: 'probability', scores: out });
  });

  it('maps tanh outputs (−1…1) onto shares that sum to 1', () => {
    const { kind, scores } = scoresOf([1, -1, 0, -1, -1, -1, -1, -1, -1, -1]);
    expect(kind).toBe('normalised');
    expect(scores[0]).toBeCloseTo(2 / 3);
    expect(scores[2]).toBeCloseTo(1 / 3);
    expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('turns unbounded outputs into a softmax', () => {
    const { scores } = scoresOf([3, 3, ...Array(8).fill(-50)]);
    expect(scores[0]).toBeCloseTo(0.5);
  });
});

describe('top classes and confidence text', () => {
  it('ranks the three best classes', () => {
    expect(topClasses([0.1, 0.5, 0.05, 0.35], 3)).toEqual([
      { label: 1, score: 0.5 },
      { label: 3, score: 0.35 },
      { label: 0, score: 0.1 },
    ]);
  });

  it('writes whole percents, one decimal under 10 %', () => {
    expect(confidenceText(0.993)).toBe('99%');
    expect(confidenceText(0.38)).toBe('38%');
    expect(confidenceText(0.005)).toBe('0.5%');
  });
});

describe('defaultModels', () => {
  it('takes the latest completed non-study run of each loss family', () => {
    const runs = [
      runSummary(1, { loss: 'mse', createdAt: '2025-01-01T10:00:00Z' }),
      runSummary(2, { loss: 'categoricalCrossentropy', createdAt: '2025-01-02T10:00:00Z' }),
      runSummary(3, { loss: 'mse', createdAt: '2025-01-03T10:00:00Z' }),
      runSummary(4, { loss: 'mse', createdAt: '2025-01-04T10:00:00Z', studyId: 7 }),
      runSummary(5, { loss: 'categoricalCrossentropy', createdAt: '2025-01-05T10:00:00Z', status: 'stopped' }),
    ];
    expect(defaultModels(runs)).toEqual({ a: 3, b: 2 });
  });

  it('falls back to the newest candidate when every run belongs to a study', () => {
    expect(defaultModels([runSummary(4, { studyId: 1 })])).toEqual({ a: 4, b: null });
    expect(defaultModels([])).toEqual({ a: null, b: null });
  });

  it('groups MSE apart from cross-entropy', () => {
    expect(lossFamily('mse')).not.toBe(lossFamily('categoricalCrossentropy'));
    expect(lossFamily('binaryCrossentropy')).toBe(lossFamily('categoricalCrossentropy'));
  });
});
