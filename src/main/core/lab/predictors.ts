import type { ModelConfig } from '../../../shared/model-config';
import type { SavedModel } from '../../../shared/saved-model';
import { loadPredictor, type Predictor } from '../training/model/predictor';

/** Loaded models for the sketchpad, least recently used first; a handful is plenty for side-by-side use. */
export interface PredictorCache {
  get(runId: number, load: () => { model: SavedModel; config: ModelConfig }): Promise<Predictor>;
  forget(runId: number): void;
  clear(): void;
}

export function createPredictorCache(capacity = 4): PredictorCache {
  const loaded = new Map<number, Promise<Predictor>>();
  const forget = (runId: number): void => {
    const entry = loaded.get(runId);
    loaded.delete(runId);
    entry?.then(
      (p) => p.dispose(),
      () => {},
    );
  };
  return {
    get(runId, load) {
      let entry = loaded.get(runId);
      if (entry) {
        loaded.delete(runId);
      } else {
        const { model, config } = load();
        entry = loadPredictor(model, config);
        entry.catch(() => loaded.delete(runId));
      }
      loaded.set(runId, entry);
      while (loaded.size > capacity) forget(loaded.keys().next().value as number);
      return entry;
    },
    forget,
    clear() {
      for (const runId of [...loaded.keys()]) forget(runId);
    },
  };
}
