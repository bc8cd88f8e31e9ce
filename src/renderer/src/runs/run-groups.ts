/** History's grouping: runs started by hand first, each study's runs folded under their study. Pure. */
import type { RunSummary } from '@shared/run-types';

export interface StudyGroup {
  studyId: number;
  runs: RunSummary[];
}

/** Runs without a study, and the study runs grouped by study (newest study first), each keeping the list's order. */
export function groupByStudy(runs: readonly RunSummary[]): { own: RunSummary[]; studies: StudyGroup[] } {
  const own: RunSummary[] = [];
  const byStudy = new Map<number, RunSummary[]>();
  for (const run of runs) {
    if (run.studyId === null) own.push(run);
    else byStudy.set(run.studyId, [...(byStudy.get(run.studyId) ?? []), run]);
  }
  const studies = [...byStudy.entries()].map(([studyId, list]) => ({ studyId, runs: list })).sort((a, b) => b.studyId - a.studyId);
  return { own, studies };
}
