import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import type { Prediction } from '@shared/run-types';
import { useSketchStore } from '@renderer/sketch/sketch-store';

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A 100×100 drawing with a filled square. */
function square(): Float32Array {
  const ink = new Float32Array(100 * 100);
  for (let y = 30; y < 60; y++) for (let x = 40; x < 70; x++) ink[y * 100 + x] = 1;
  return ink;
}

describe('useSketchStore', () => {
  it('records strokes, undoes one stroke at a time and clears', () => {
    const sketch = useSketchStore();
    sketch.beginStroke({ x: 1, y: 1 });
    sketch.extendStroke({ x: 2, y: 2 });
    sketch.beginStroke({ x: 5, y: 5 });
    expect(sketch.strokes).toHaveLength(2);
    expect(sketch.strokes[0]).toHaveLength(2);
    sketch.undo();
    expect(sketch.strokes).toHaveLength(1);
    sketch.clear();
    expect(sketch.strokes).toHaveLength(0);
    expect(sketch.input).toBeNull();
  });

  it('preprocesses the ink and predicts with models A and B', async () => {
    lab.current.on('runs:predict', (req): Prediction => {
      const { runId, pixels } = req as { runId: number; pixels: number[] };
      expect(pixels).toHaveLength(784);
      return { runId, probabilities: Array.from({ length: 10 }, (_, i) => (i === runId ? 0.9 : 0.01)), predicted: runId, latencyMs: 1 };
    });
    const sketch = useSketchStore();
    sketch.chooseModel('a', 3);
    sketch.chooseModel('b', 4);
    sketch.setInk(square(), 100, 100);
    expect(sketch.input).toHaveLength(784);
    await flush();
    expect(sketch.slots.a.prediction?.predicted).toBe(3);
    expect(sketch.slots.b.prediction?.predicted).toBe(4);
  });

  it('keeps one request in flight per model and predicts the latest input after it', async () => {
    const pending: (() => void)[] = [];
    lab.current.on('runs:predict', (req) => {
      const { runId } = req as { runId: number };
      return new Promise<Prediction>((resolve) => pending.push(() => resolve({ runId, probabilities: new Array(10).fill(0.1), predicted: 0, latencyMs: 1 })));
    });
    const sketch = useSketchStore();
    sketch.chooseModel('a', 1);
    for (let i = 0; i < 5; i++) sketch.setInk(square(), 100, 100);
    await flush();
    expect(pending).toHaveLength(1);
    pending[0]();
    await flush();
    expect(pending).toHaveLength(2);
    pending[1]();
    await flush();
    expect(lab.current.calls.filter((c) => c.channel === 'runs:predict')).toHaveLength(2);
  });

  it('shows why a prediction failed', async () => {
    const sketch = useSketchStore();
    sketch.chooseModel('a', 1);
    sketch.setInk(square(), 100, 100);
    await flush();
    expect(sketch.slots.a.error).toBe('no fake handler for runs:predict');
  });
});
