import { RUNS_PAGE_MAX } from './contract';
import type { RunSummary } from './run-types';

/**
 * Every run, newest first, read one `runs:list` page at a time: each request stays small, so the server
 * answers other clients between pages. A run created meanwhile may shift a page by one; ids are deduplicated.
 */
export async function listAllRuns(list: (page: { offset: number; limit: number }) => Promise<RunSummary[]>): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  const seen = new Set<number>();
  for (let offset = 0; ; offset += RUNS_PAGE_MAX) {
    const page = await list({ offset, limit: RUNS_PAGE_MAX });
    for (const run of page) {
      if (seen.has(run.id)) continue;
      seen.add(run.id);
      runs.push(run);
    }
    if (page.length < RUNS_PAGE_MAX) return runs;
  }
}
