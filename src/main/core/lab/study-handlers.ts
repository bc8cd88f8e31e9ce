import { readyDataset } from './dataset-ready';
import { compareInStudy, readStudyDetail } from '../studies/study-detail';
import { createStudyFromRequest, startSeedArticleStudy } from '../studies/plan/study-requests';
import { deleteStudy, getStudySummary, listStudies, setStudyStatus, studyRunIds } from '../studies/study-store';
import type { RunStore } from '../store';
import { conflict, notFound } from './errors';
import type { Handlers, LabContext } from './handler-types';
import type { LabEvents } from './lab-events';

type StudyChannel =
  | 'studies:list'
  | 'studies:get'
  | 'studies:create'
  | 'studies:startBuiltin'
  | 'studies:pause'
  | 'studies:resume'
  | 'studies:cancel'
  | 'studies:delete'
  | 'studies:compare';

/** After any run of a study changes status, pushes that study's progress. */
export function studyProgressNotifier(store: RunStore, events: LabEvents, workers: number): (runId: number) => void {
  return (runId) => {
    const studyId = store.getRun(runId)?.studyId;
    if (studyId != null) events.emit('studies:progress', getStudySummary(store, studyId, workers));
  };
}

export function studyHandlers(ctx: LabContext): Handlers<StudyChannel> {
  const { store, scheduler, workers, events } = ctx;
  const started = <T extends { id: number }>(summary: T): T => {
    scheduler.enqueue(studyRunIds(store, summary.id));
    events.emit('studies:progress', getStudySummary(store, summary.id, workers));
    return summary;
  };
  const stopRunning = (studyId: number): void => {
    for (const runId of studyRunIds(store, studyId)) if (scheduler.isRunning(runId)) scheduler.stop(runId);
  };

  return {
    'studies:list': () => listStudies(store, workers),
    'studies:get': ({ studyId }) => readStudyDetail(store, studyId, workers),
    'studies:create': async (request) => {
      await readyDataset(ctx, request.datasetId);
      const created = createStudyFromRequest(store, request, workers);
      return { ...started(created.summary), skippedMessage: created.skippedMessage };
    },
    'studies:startBuiltin': async (request) => {
      await readyDataset(ctx, request.datasetId);
      return started(startSeedArticleStudy(store, request, workers));
    },
    'studies:pause': ({ studyId }) => {
      const summary = setStudyStatus(store, studyId, 'paused', workers);
      events.emit('studies:progress', summary);
      return summary;
    },
    'studies:resume': ({ studyId }) => started(setStudyStatus(store, studyId, 'running', workers)),
    'studies:cancel': ({ studyId }) => {
      const summary = setStudyStatus(store, studyId, 'cancelled', workers);
      stopRunning(studyId);
      events.emit('studies:progress', summary);
      return summary;
    },
    'studies:delete': ({ studyId }) => {
      if (studyRunIds(store, studyId).some((id) => scheduler.isRunning(id))) {
        throw conflict(`study ${studyId} has runs training: cancel it, then delete it`);
      }
      const deleted = deleteStudy(store, studyId);
      if (!deleted) throw notFound(`study ${studyId}`);
      return { deleted };
    },
    'studies:compare': ({ studyId, a, b, metric }) => compareInStudy(store, studyId, a, b, metric),
  };
}
