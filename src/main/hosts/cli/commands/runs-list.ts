import { listAllRuns } from '../../../../shared/list-runs';
import { RUN_STATUSES, type RunSummary } from '../../../../shared/run-types';
import type { Command } from '../command';
import { clip, pct, table } from '../format';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { UsageError } from '../usage-error';

/** Newest first, filtered by status and dataset, at most `limit`. */
export function filterRuns(runs: readonly RunSummary[], status?: string, dataset?: string, limit?: number): RunSummary[] {
  const statuses = status?.split(',').map((s) => s.trim());
  const kept = runs.filter((r) => (!statuses || statuses.includes(r.status)) && (!dataset || r.datasetId === dataset));
  return limit === undefined ? kept : kept.slice(0, limit);
}

export const runsListCommand: Command = {
  name: 'runs list',
  summary: 'List runs, newest first',
  args: [],
  options: [
    { name: 'status', type: 'string', valueName: '<status,…>', description: `Only runs with one of these statuses: ${RUN_STATUSES.join(', ')}` },
    { name: 'dataset', type: 'string', valueName: '<id>', description: 'Only runs on this dataset' },
    { name: 'limit', type: 'integer', min: 1, description: 'At most this many runs (the newest)' },
    JSON_OPTION,
  ],
  examples: ['runs list', 'runs list --status completed,diverged --limit 10', 'runs list --dataset mnist-embedded --json'],
  async run({ options: o, session }) {
    const status = o.string('status');
    for (const s of status?.split(',') ?? []) {
      if (!(RUN_STATUSES as readonly string[]).includes(s.trim())) {
        throw new UsageError(`--status must list run statuses (${RUN_STATUSES.join(', ')}), got "${s}"`);
      }
    }
    const { api } = await session();
    const runs = filterRuns(await listAllRuns((page) => api.runs.list(page)), status, o.string('dataset'), o.number('limit'));
    if (o.flag('json')) return (printJson(runs), 0);
    if (runs.length === 0) return (console.log('no runs match: try `lab train --preset example-3`'), 0);
    console.log(
      table([
        ['id', 'name', 'status', 'dataset', 'epochs', 'test acc', 'created'],
        ...runs.map((r) => [
          String(r.id),
          clip(r.name, 32),
          r.status,
          clip(r.datasetId, 16),
          `${r.epochsDone}/${r.epochsPlanned}`,
          pct(r.finalTestAccuracy),
          r.createdAt.slice(5, 16).replace('T', ' '),
        ]),
      ]),
    );
    return 0;
  },
};
