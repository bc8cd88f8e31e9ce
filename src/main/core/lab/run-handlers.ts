import { RUNS_PAGE_MAX } from '../../../shared/contract';
import { readyDataset } from './dataset-ready';
import { findPreset } from '../../../shared/presets';
import { conflict, notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';

type RunChannel =
  | 'presets:list'
  | 'runs:start'
  | 'runs:stop'
  | 'runs:requeue'
  | 'runs:list'
  | 'runs:get'
  | 'runs:update'
  | 'runs:delete'
  | 'runs:predict';

/** A default name a person can tell apart in History: preset or architecture, then the seed. */
function defaultName(presetId: string | undefined, loss: string, hidden: string, output: string, seed: number): string {
  const preset = presetId ? findPreset(presetId) : undefined;
  return `${preset ? preset.name : `${hidden} → ${output}, ${loss}`} · seed ${seed}`;
}

export function runHandlers(ctx: LabContext): Handlers<RunChannel> {
  const { store, scheduler } = ctx;
  const requireRun = (runId: number) => {
    const run = store.getRun(runId);
    if (!run) throw notFound(`run ${runId}`);
    return run;
  };
  const requireSummary = (runId: number) => {
    const summary = store.getRunSummary(runId);
    if (!summary) throw notFound(`run ${runId}`);
    return summary;
  };

  return {
    'presets:list': () => import('../../../shared/presets').then((m) => [...m.PRESETS]),
    'runs:start': async ({ config, datasetId, name, presetId }) => {
      await readyDataset(ctx, datasetId);
      const run = store.createRun({
        name: name || defaultName(presetId, config.loss, config.hiddenActivation, config.outputActivation, config.seed),
        presetId: presetId ?? null,
        studyId: null,
        datasetId,
        config,
      });
      ctx.events.emit('runs:status', { runId: run.id, status: run.status, summary: run });
      scheduler.enqueue([run.id]);
      return requireSummary(run.id);
    },
    'runs:stop': ({ runId }) => {
      scheduler.stop(runId);
      return requireSummary(runId);
    },
    'runs:requeue': ({ runId }) => {
      const run = requireRun(runId);
      if (run.status === 'queued' || run.status === 'running') throw conflict(`run ${runId} is already ${run.status}`);
      if (run.status === 'completed') throw conflict(`run ${runId} completed; start a new run to train it again`);
      ctx.predictors.forget(runId);
      const summary = store.requeueRun(runId);
      ctx.events.emit('runs:status', { runId, status: summary.status, summary });
      scheduler.enqueue([runId]);
      return requireSummary(runId);
    },
    'runs:list': (page) => store.listRuns({ offset: page?.offset ?? 0, limit: page?.limit ?? RUNS_PAGE_MAX }),
    'runs:get': ({ runId }) => requireRun(runId),
    'runs:update': ({ runId, name, notes }) => {
      const updated = store.updateRun(runId, { name, notes });
      if (!updated) throw notFound(`run ${runId}`);
      return updated;
    },
    'runs:delete': ({ runId }) => {
      if (scheduler.isRunning(runId)) throw conflict(`run ${runId} is training: stop it before deleting it`);
      // Not here, yet running: another Loss Lab process trains it (or died; recovery will mark it interrupted).
      if (store.getRunStatus(runId) === 'running') throw conflict(`run ${runId} is training in another Loss Lab process: stop it there before deleting it`);
      ctx.predictors.forget(runId);
      if (!store.deleteRun(runId)) throw notFound(`run ${runId}`);
      return { deleted: 1 };
    },
    'runs:predict': async ({ runId, pixels }) => {
      const predictor = await ctx.predictors.get(runId, () => {
        const run = requireRun(runId);
        const model = store.getModel(runId);
        if (!model) throw conflict(`run ${runId} is ${run.status} and has no trained model to predict with`);
        return { model, config: run.config };
      });
      const started = performance.now();
      const probabilities = predictor.predict(pixels);
      const latencyMs = performance.now() - started;
      const predicted = probabilities.indexOf(Math.max(...probabilities));
      return { runId, probabilities, predicted, latencyMs };
    },
  };
}
