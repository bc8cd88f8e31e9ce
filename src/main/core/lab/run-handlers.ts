import { RUNS_PAGE_MAX, type ParsedRequest } from '../../../shared/contract';
import { readyDataset } from './dataset-ready';
import { isStillPreset } from '../../../shared/preset-match';
import { findPreset } from '../../../shared/presets';
import { defaultRunName } from '../../../shared/run-name';
import { conflict, notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';

type RunChannel = 'presets:list' | 'runs:start' | 'runs:stop' | 'runs:requeue' | 'runs:list' | 'runs:get' | 'runs:update' | 'runs:delete' | 'runs:predict';

/**
 * The name and preset a started run is stored with. `presetId` is the preset the config started from; the run
 * keeps it only while it still is that preset (preset-match.ts), whichever client sent it, so History's Preset
 * column means the same for runs from the form, the command line and the API. Without a name, the one the form
 * would suggest (run-name.ts), from the preset it started from.
 */
export function startedRunLabels({ config, name, presetId }: ParsedRequest<'runs:start'>): { name: string; presetId: string | null } {
  const preset = presetId === undefined ? undefined : findPreset(presetId);
  return {
    name: name || defaultRunName(preset, config),
    presetId: preset && isStillPreset(config, preset) ? preset.id : null,
  };
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
    'runs:start': async (request) => {
      const { config, datasetId } = request;
      await readyDataset(ctx, datasetId);
      const run = store.createRun({ ...startedRunLabels(request), studyId: null, datasetId, config });
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
