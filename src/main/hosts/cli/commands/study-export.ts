import { resolve } from 'node:path';
import { idArgument } from '../arguments';
import type { Command } from '../command';
import { JSON_OPTION } from '../options/global-options';
import { printJson } from '../progress';
import { UsageError } from '../usage-error';

export const studyExportCommand: Command = {
  name: 'study export',
  summary: 'Write a study report: HTML, Markdown, CSV and PNG charts',
  args: [{ name: 'id', description: 'Study id, from `lab study list`', required: true }],
  options: [{ name: 'out', type: 'path', valueName: '<dir>', description: 'Folder to write into (created if missing); required' }, JSON_OPTION],
  examples: ['study export 1 --out ./report', 'study export 1 --out ./report --json'],
  async run({ args, options: o, session }) {
    const studyId = idArgument(args[0], 'the study id', 'study export 1 --out ./report');
    const out = o.string('out');
    if (!out) throw new UsageError('study export needs --out <dir>, e.g. `lab study export 1 --out ./report`');
    const { lab } = await session();
    const { files } = await lab.paths.exportStudy(studyId, resolve(out));
    if (o.flag('json')) printJson({ studyId, files });
    else console.log(files.join('\n'));
    return 0;
  },
};
