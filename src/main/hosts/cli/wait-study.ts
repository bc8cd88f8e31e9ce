/** Starts (or resumes) a study and waits for its runs to end, with progress on stderr. */
import type { LabApi } from '../../../shared/contract';
import type { StudyDetail, StudySummary } from '../../../shared/study-types';
import { redacted } from '../../core/queue/redis-url';
import { createProgress } from './progress';

export interface StudyOutcome {
  detail: StudyDetail;
  /** Ctrl-C paused the study before its runs ended. */
  paused: boolean;
  seconds: number;
}

const finished = (s: StudySummary): boolean => (s.runsQueued === 0 && s.runsRunning === 0) || s.status === 'cancelled';

/**
 * `start` creates or resumes the study; events are watched from before it is called, so none is missed.
 * Ctrl-C pauses the study (its running runs end as interrupted when the CLI closes) so that
 * `study resume` can continue it.
 */
/** Where a study's runs train, for its first progress line: `2 workers`, or the queue's redacted URL. */
export const trainedOn = (workers: number, queue: string | undefined): string =>
  queue === undefined ? `${workers} worker${workers === 1 ? '' : 's'}` : `the workers of ${redacted(queue)}`;

export async function runStudy(api: LabApi, start: () => Promise<StudySummary>, quiet: boolean, where: string): Promise<StudyOutcome> {
  const startedAt = performance.now();
  const progress = createProgress(!quiet, 2000);
  const latest = new Map<number, StudySummary>();
  let settle: (paused: boolean) => void = () => {};
  let id = 0;
  const done = new Promise<boolean>((resolve) => (settle = resolve));
  const off = api.studies.onProgress((s) => {
    latest.set(s.id, s);
    if (s.id !== id) return;
    const eta = s.etaSeconds === null ? '' : `, about ${Math.ceil(s.etaSeconds)} s left`;
    progress.update(`study ${s.id}: ${s.runsCompleted + s.runsOther}/${s.runsTotal} runs done, ${s.runsRunning} running${eta}`);
    if (finished(s)) settle(false);
  });
  const summary = await start();
  id = summary.id;
  if (!quiet) process.stderr.write(`study ${id}: ${summary.runsTotal} runs on ${where}\n`);
  const current = latest.get(id) ?? summary;
  if (finished(current)) settle(false);
  const pause = (): void => {
    void api.studies
      .pause({ studyId: id })
      .catch(() => {})
      .finally(() => settle(true));
  };
  process.once('SIGINT', pause);
  const paused = await done;
  process.off('SIGINT', pause);
  off();
  progress.done();
  return { detail: await api.studies.get({ studyId: id }), paused, seconds: (performance.now() - startedAt) / 1000 };
}
