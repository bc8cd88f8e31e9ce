import { resolve } from 'node:path';
import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { UsageError } from '../usage-error';

export const runsExportCommand: Command = {
  name: 'runs export',
  summary: "Write a run's trained model in TensorFlow.js format (model.json + weights.bin)",
  args: [{ name: 'id', description: 'Run id, from `lab runs list`', required: true }],
  options: [{ name: 'out', type: 'path', valueName: '<dir>', description: 'Folder to write into (created if missing); required' }, JSON_OPTION],
  examples: ['runs export 3 --out ./model-3', 'runs export 3 --out ./model-3 --json'],
  details: "The files load with `tf.loadLayersModel('file://…/model.json')` in TensorFlow.js.",
  async run({ args, options: o, session }) {
    const runId = idArgument(args[0], 'the run id', 'runs export 3 --out ./model-3');
    const out = o.string('out');
    if (!out) throw new UsageError('runs export needs --out <dir>, e.g. `lab runs export 3 --out ./model-3`');
    const { lab } = await session();
    const { files } = lab.paths.exportModel(runId, resolve(out));
    if (o.flag('json')) printJson({ runId, files });
    else console.log(files.join('\n'));
    return 0;
  },
};
