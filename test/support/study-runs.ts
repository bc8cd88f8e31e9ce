/** Synthetic RunDetails for the studies tests: no training, every number chosen by the test. */
import type { ModelConfig } from '../../src/shared/model-config';
import type { EpochMetrics, LayerDiagnostics, OutputSignal, RunDetail, RunStatus } from '../../src/shared/run-types';
import type { StudyConfiguration } from '../../src/shared/study-types';
import { seedArticleConfigurations } from '../../src/main/core/studies/plan/expand';

export interface FakeRun {
  configuration: StudyConfiguration;
  seed: number;
  /** Validation accuracy per epoch, 0..1. */
  valAccuracy: number[];
  testAccuracy: number;
  status?: RunStatus;
  /** Seconds per epoch. */
  secondsPerEpoch?: number;
  /** Hidden-layer gradient norm and saturated fraction, the same every epoch. */
  hiddenGradient?: number;
  hiddenSaturation?: number;
  /** Hidden-layer attenuation factor, every epoch. */
  hiddenAttenuation?: number;
  /** The output layer's probe signal, at epoch 1 and the last epoch. */
  outputSignal?: OutputSignal;
}

let nextId = 1;

function layers(config: ModelConfig, run: FakeRun, epoch: number, last: boolean): LayerDiagnostics[] {
  const saturating = (a: string) => a === 'tanh' || a === 'sigmoid';
  return [
    {
      layer: 'dense1',
      activation: config.hiddenActivation,
      gradientNorm: (run.hiddenGradient ?? 0.5) * (epoch === 1 ? 2 : 1),
      saturatedFraction: saturating(config.hiddenActivation) ? (run.hiddenSaturation ?? 0.2) : null,
      deadFraction: config.hiddenActivation === 'relu' ? 0.01 : null,
      ...(run.hiddenAttenuation === undefined ? {} : { attenuation: run.hiddenAttenuation }),
    },
    {
      layer: 'output',
      activation: config.outputActivation,
      gradientNorm: 0.1,
      saturatedFraction: saturating(config.outputActivation) ? 0.3 : null,
      deadFraction: null,
      ...(run.outputSignal && (epoch === 1 || last) ? { outputSignal: run.outputSignal } : {}),
    },
  ];
}

export function fakeRun(run: FakeRun): RunDetail {
  const config = { ...run.configuration.config, seed: run.seed };
  const status = run.status ?? 'completed';
  const epochs: EpochMetrics[] = run.valAccuracy.map((valAccuracy, i) => ({
    epoch: i + 1,
    trainLoss: 1 - valAccuracy,
    trainAccuracy: valAccuracy,
    valLoss: 1 - valAccuracy,
    valAccuracy,
    testLoss: 1 - valAccuracy,
    testAccuracy: valAccuracy,
    seconds: run.secondsPerEpoch ?? 2,
    samplesPerSecond: 1000,
    layers: layers(config, run, i + 1, i === run.valAccuracy.length - 1),
  }));
  return {
    id: nextId++,
    name: `${run.configuration.label} · seed ${run.seed}`,
    presetId: run.configuration.key,
    studyId: 1,
    datasetId: 'mnist-embedded',
    status,
    backend: 'cpu',
    backendReason: null,
    loss: config.loss,
    hiddenActivation: config.hiddenActivation,
    outputActivation: config.outputActivation,
    seed: run.seed,
    epochsPlanned: config.epochs,
    epochsDone: epochs.length,
    finalTestAccuracy: status === 'completed' ? run.testAccuracy : null,
    lastValAccuracy: run.valAccuracy.at(-1) ?? null,
    createdAt: '2025-01-01T00:00:00.000Z',
    startedAt: '2025-01-01T00:00:00.000Z',
    finishedAt: '2025-01-01T00:01:00.000Z',
    durationSeconds: 60,
    notes: '',
    config,
    epochs,
    evaluation:
      status === 'completed'
        ? {
            testLoss: 1 - run.testAccuracy,
            testAccuracy: run.testAccuracy,
            testSize: 100,
            confusion: [],
            perClass: [],
            misclassified: [],
            misclassifiedCount: 0,
          }
        : null,
    error: null,
    hasModel: false,
  };
}

/** The built-in study's configurations with `epochs` epochs, by key. */
export function article(epochs: number): { configurations: StudyConfiguration[]; byKey: (key: string) => StudyConfiguration } {
  const configurations = seedArticleConfigurations(epochs);
  return {
    configurations,
    byKey: (key) => {
      const c = configurations.find((x) => x.key === key);
      if (!c) throw new Error(`no configuration ${key}`);
      return c;
    },
  };
}
