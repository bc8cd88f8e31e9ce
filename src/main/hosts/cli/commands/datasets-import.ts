import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { createProgress, printJson } from '../progress';

export const datasetsImportCommand: Command = {
  name: 'datasets import',
  summary: 'Import an IDX dataset (MNIST, Fashion-MNIST, KMNIST…): a folder or its four files, raw or .gz',
  args: [{ name: 'path', description: 'A folder holding the four IDX files, or the files themselves', required: true, variadic: true }],
  options: [{ name: 'name', type: 'string', description: 'Name to show; default: from the folder' }, JSON_OPTION],
  examples: ['datasets import /usr/share/datasets/fashion-mnist', 'datasets import ./kmnist --name KMNIST --json'],
  async run({ args, options: o, session }) {
    const json = o.flag('json');
    // Paths come from the person at the terminal: the CLI calls the core's path verbs, which no renderer can reach.
    const { lab } = await session();
    const progress = createProgress(!json, 1000);
    const info = await lab.paths.importDataset([...args], o.string('name'), (p) => progress.update(`${Math.round(p.fraction * 100)}% ${p.message}`));
    progress.done();
    if (json) printJson(info);
    else console.log(`imported "${info.name}" as ${info.id}: ${info.trainSize} train + ${info.testSize} test images`);
    return 0;
  },
};
