/** Test data for the renderer's unit tests. */
import type { EpochMetrics, LayerDiagnostics, RunSummary } from '../../../src/shared/run-types';
import type { Option } from '../../../src/renderer/src/charts/common';

export function layer(over: Partial<LayerDiagnostics> = {}): LayerDiagnostics {
  return { layer: 'dense1', activation: 'tanh', gradientNorm: 0.5, saturatedFraction: 0.1, deadFraction: null, ...over };
}

export function epoch(n: number, over: Partial<EpochMetrics> = {}): EpochMetrics {
  return {
    epoch: n,
    trainLoss: 1 / n,
    trainAccuracy: 0.8 + n / 100,
    valLoss: 1.1 / n,
    valAccuracy: 0.79 + n / 100,
    testLoss: 1.2 / n,
    testAccuracy: 0.78 + n / 100,
    seconds: 2,
    samplesPerSecond: 27000,
    layers: [layer(), layer({ layer: 'output', activation: 'softmax', gradientNorm: 0.05, saturatedFraction: null })],
    ...over,
  };
}

export function runSummary(id: number, over: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `run ${id}`,
    presetId: 'example-1',
    studyId: null,
    datasetId: 'mnist-embedded',
    status: 'completed',
    backend: 'wasm',
    backendReason: null,
    loss: 'mse',
    hiddenActivation: 'tanh',
    outputActivation: 'tanh',
    seed: 1,
    epochsPlanned: 3,
    epochsDone: 3,
    finalTestAccuracy: 0.95,
    lastValAccuracy: 0.95,
    createdAt: '2025-01-01T10:00:00.000Z',
    startedAt: '2025-01-01T10:00:01.000Z',
    finishedAt: '2025-01-01T10:01:00.000Z',
    durationSeconds: 59,
    notes: '',
    ...over,
  };
}

/** An option's series as a list of plain records, whatever shape ECharts' union type gives them. */
export function seriesOf(option: Option): { name?: unknown; type?: unknown; data?: unknown; stack?: unknown; [k: string]: unknown }[] {
  const s = option.series;
  const list = Array.isArray(s) ? s : s ? [s] : [];
  return list.map((x) => x as { name?: unknown; type?: unknown; data?: unknown });
}
