import type { Command } from '../command';
import { clip, table } from '../format';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

export const studyListCommand: Command = {
  name: 'study list',
  summary: 'List studies, newest first',
  args: [],
  options: [JSON_OPTION],
  examples: ['study list', 'study list --json'],
  async run({ options: o, session }) {
    const { api } = await session();
    const studies = await api.studies.list();
    if (o.flag('json')) return (printJson(studies), 0);
    if (studies.length === 0) return (console.log('no studies yet: try `lab study run seed-article --seeds 2 --epochs 2`'), 0);
    console.log(
      table([
        ['id', 'name', 'status', 'dataset', 'seeds', 'done', 'running', 'queued', 'other', 'created'],
        ...studies.map((s) => [
          String(s.id),
          clip(s.name, 34),
          s.status,
          clip(s.datasetId, 16),
          String(s.seeds),
          `${s.runsCompleted}/${s.runsTotal}`,
          String(s.runsRunning),
          String(s.runsQueued),
          String(s.runsOther),
          s.createdAt.slice(5, 16).replace('T', ' '),
        ]),
      ]),
    );
    return 0;
  },
};
