/** Per-layer series over epochs, from the diagnostics each epoch carries. */
import type { EpochMetrics, LayerDiagnostics } from '@shared/run-types';

export interface LayerSeries {
  name: string;
  /** [epoch, value] pairs for the epochs where the value exists. */
  data: [number, number][];
}

/** One series per layer (in the order layers first appear) of `pick`, skipping layers where it is always null. */
export function layerSeries(epochs: readonly EpochMetrics[], pick: (layer: LayerDiagnostics) => number | null, suffix = ''): LayerSeries[] {
  const byLayer = new Map<string, [number, number][]>();
  for (const e of epochs) {
    for (const layer of e.layers) {
      const value = pick(layer);
      if (!byLayer.has(layer.layer)) byLayer.set(layer.layer, []);
      if (value !== null && Number.isFinite(value)) byLayer.get(layer.layer)?.push([e.epoch, value]);
    }
  }
  return [...byLayer.entries()].filter(([, data]) => data.length > 0).map(([layer, data]) => ({ name: `${layer}${suffix}`, data }));
}
