import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { Prediction } from '@shared/run-types';
import { errorMessage, labApi } from '@renderer/api';
import { preprocessSketch } from '@renderer/sketch/preprocess';

/** A point on the sketch canvas, in canvas pixels. */
export interface Point {
  x: number;
  y: number;
}
export type Stroke = Point[];
export type ModelSlot = 'a' | 'b';

interface SlotState {
  runId: number | null;
  prediction: Prediction | null;
  error: string | null;
  loading: boolean;
}

const emptySlot = (): SlotState => ({ runId: null, prediction: null, error: null, loading: false });

/** The sketchpad: strokes, the preprocessed 28×28 input, and predictions from up to two models. */
export const useSketchStore = defineStore('sketch', () => {
  const strokes = ref<Stroke[]>([]);
  /** 784 values 0..1, or null when nothing is drawn. */
  const input = ref<number[] | null>(null);
  const slots = ref<Record<ModelSlot, SlotState>>({ a: emptySlot(), b: emptySlot() });
  // One request in flight per model; input arriving meanwhile is predicted once that one returns.
  const stale: Record<ModelSlot, boolean> = { a: false, b: false };

  function beginStroke(p: Point): void {
    strokes.value = [...strokes.value, [p]];
  }

  function extendStroke(p: Point): void {
    const last = strokes.value[strokes.value.length - 1];
    if (last) last.push(p);
  }

  function undo(): void {
    strokes.value = strokes.value.slice(0, -1);
  }

  function clear(): void {
    strokes.value = [];
    setInput(null);
  }

  /** Takes the rendered canvas (ink 0..1, row-major) and predicts on its preprocessed form. */
  function setInk(ink: ArrayLike<number>, width: number, height: number): void {
    setInput(preprocessSketch(ink, width, height));
  }

  function setInput(pixels: number[] | null): void {
    input.value = pixels;
    for (const slot of ['a', 'b'] as const) {
      if (pixels === null) slots.value[slot].prediction = null;
      else void predict(slot);
    }
  }

  function chooseModel(slot: ModelSlot, runId: number | null): void {
    slots.value[slot] = { ...emptySlot(), runId };
    if (input.value) void predict(slot);
  }

  async function predict(slot: ModelSlot): Promise<void> {
    const state = slots.value[slot];
    const pixels = input.value ? [...input.value] : null;
    if (state.runId === null || pixels === null) return;
    if (state.loading) {
      stale[slot] = true;
      return;
    }
    const runId = state.runId;
    state.loading = true;
    state.error = null;
    try {
      const prediction = await labApi().runs.predict({ runId, pixels });
      if (slots.value[slot].runId === runId && input.value) slots.value[slot].prediction = prediction;
    } catch (e) {
      slots.value[slot].error = errorMessage(e);
    } finally {
      slots.value[slot].loading = false;
      if (stale[slot]) {
        stale[slot] = false;
        void predict(slot);
      }
    }
  }

  return { strokes, input, slots, beginStroke, extendStroke, undo, clear, setInk, chooseModel };
});
