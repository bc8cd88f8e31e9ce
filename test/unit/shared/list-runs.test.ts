import { describe, expect, it } from 'vitest';
import { RUNS_PAGE_MAX } from '@shared/contract';
import { listAllRuns } from '@shared/list-runs';
import type { RunSummary } from '@shared/run-types';

const run = (id: number): RunSummary => ({ id }) as RunSummary;

describe('listAllRuns', () => {
  it('reads page after page until a short one, dropping a run that shifted into the next page', async () => {
    const stored = Array.from({ length: RUNS_PAGE_MAX + 10 }, (_, i) => run(RUNS_PAGE_MAX + 10 - i));
    const pages: { offset: number; limit: number }[] = [];
    const all = await listAllRuns(async (page) => {
      pages.push(page);
      // The second page starts one early, as if a run had been created between the two requests.
      const start = page.offset === 0 ? 0 : page.offset - 1;
      return stored.slice(start, page.offset + page.limit);
    });
    expect(pages).toEqual([
      { offset: 0, limit: RUNS_PAGE_MAX },
      { offset: RUNS_PAGE_MAX, limit: RUNS_PAGE_MAX },
    ]);
    expect(all.map((r) => r.id)).toEqual(stored.map((r) => r.id));
  });
});
