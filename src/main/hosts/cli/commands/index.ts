import type { Command } from '../command';
import { datasetsDeleteCommand } from './datasets-delete';
import { datasetsImportCommand } from './datasets-import';
import { datasetsListCommand } from './datasets-list';
import { runsCompareCommand } from './runs-compare';
import { runsDeleteCommand } from './runs-delete';
import { runsExportCommand } from './runs-export';
import { runsListCommand } from './runs-list';
import { runsShowCommand } from './runs-show';
import { studyCancelCommand } from './study-cancel';
import { studyExportCommand } from './study-export';
import { studyListCommand } from './study-list';
import { studyResumeCommand } from './study-resume';
import { studyRunCommand } from './study-run';
import { studyShowCommand } from './study-show';
import { trainCommand } from './train';
import { workerCommand } from './worker';

/** Every command, in the order the overview lists them. */
export const COMMANDS: readonly Command[] = [
  trainCommand,
  runsListCommand,
  runsShowCommand,
  runsCompareCommand,
  runsExportCommand,
  runsDeleteCommand,
  studyRunCommand,
  studyListCommand,
  studyShowCommand,
  studyResumeCommand,
  studyCancelCommand,
  studyExportCommand,
  datasetsListCommand,
  datasetsImportCommand,
  datasetsDeleteCommand,
  workerCommand,
];
