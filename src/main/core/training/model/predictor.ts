/** Sketchpad inference in the calling thread, from a run's saved weights. */
import * as tf from '@tensorflow/tfjs';
import type { ModelConfig } from '../../../../shared/model-config';
import type { SavedModel } from '../../../../shared/saved-model';
import { initBackend } from '../backend/backend';
import { INPUT_SIZE } from './build-model';
import { rescaleOutput } from './losses';
import { loadSavedModel } from './saved-model';

export interface Predictor {
  /** 784 intensities 0..1, row-major 28×28 → the 10 outputs after the config's output rescale. */
  predict(pixels: ArrayLike<number>): number[];
  /** Frees the weights; `predict` throws afterwards. */
  dispose(): void;
}

/** Loads `model` on the active backend (initialising one if needed). */
export async function loadPredictor(model: SavedModel, config: ModelConfig): Promise<Predictor> {
  await initBackend();
  const network = await loadSavedModel(model);
  let disposed = false;
  return {
    predict(pixels) {
      if (disposed) throw new Error('this predictor was disposed');
      if (pixels.length !== INPUT_SIZE) throw new RangeError(`a sketch is ${INPUT_SIZE} pixels (28×28), got ${pixels.length}`);
      const outputs = tf.tidy(() => (network.predict(tf.tensor2d(Float32Array.from(pixels), [1, INPUT_SIZE])) as tf.Tensor).dataSync());
      return Array.from(outputs, (v) => rescaleOutput(v, config.outputRescale));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      network.dispose();
    },
  };
}
