import type { Command } from '../command';
import { clip, table } from '../format';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';

export const datasetsListCommand: Command = {
  name: 'datasets list',
  summary: 'List the datasets runs can train on',
  args: [],
  options: [JSON_OPTION],
  examples: ['datasets list', 'datasets list --json'],
  async run({ options: o, session }) {
    const { api } = await session();
    const list = await api.datasets.list();
    if (o.flag('json')) return (printJson(list), 0);
    console.log(
      table([
        ['id', 'name', 'train', 'test', 'source'],
        ...list.map((d) => [d.id, clip(d.name, 28), String(d.trainSize), String(d.testSize), clip(d.source, 40)]),
      ]),
    );
    return 0;
  },
};
