/** Options every command takes, and the ones several commands share. */
import type { OptionSpec } from './option-types';

export const GLOBAL_OPTIONS: readonly OptionSpec[] = [
  {
    name: 'data-dir',
    type: 'path',
    valueName: '<dir>',
    description: "Folder of the database and datasets (env LOSS_LAB_DATA_DIR); default: the desktop app's",
  },
  { name: 'help', short: 'h', type: 'boolean', description: 'Print this help' },
];

export const JSON_OPTION: OptionSpec = {
  name: 'json',
  type: 'boolean',
  description: 'Machine-readable output: JSON on stdout (shapes in the README)',
};

/** The dataset a command trains on; `mnist` when omitted (see default-dataset.ts). */
export const DATASET_OPTION: OptionSpec = {
  name: 'dataset',
  type: 'string',
  valueName: '<id>',
  description: 'Dataset id, see `lab datasets list`',
  default: 'mnist',
};

export const WORKERS_OPTION: OptionSpec = {
  name: 'workers',
  type: 'integer',
  min: 1,
  max: 64,
  description: 'Runs trained at once, one worker thread each',
  default: 'number of cores',
};

/** Where runs train when not here: a queue that `lab worker`s on other machines take them from. */
export const QUEUE_OPTION: OptionSpec = {
  name: 'queue',
  type: 'string',
  valueName: '<redis-url>',
  description:
    'Train on the workers of this queue (redis://:PASSWORD@HOST:6379, rediss:// for TLS) instead of here; ' +
    'the password may instead come from env LOSS_LAB_QUEUE_PASSWORD, out of `ps`',
};
