import { hostname } from 'node:os';
import { BACKEND_NAMES } from '../../../../shared/run-types';
import { parseQueueUrl } from '../../../core/queue/redis-url';
import type { Command } from '../command';
import { queueUrlOf } from '../queue-url';
import { UsageError } from '../usage-error';

export const workerCommand: Command = {
  name: 'worker',
  summary: 'Train the runs of a queue (studies dispatched with --queue from any machine) until Ctrl-C',
  args: [],
  options: [
    {
      name: 'queue',
      type: 'string',
      valueName: '<redis-url>',
      description: 'The queue: redis://:PASSWORD@HOST:6379 (rediss:// for TLS); the password may come from env LOSS_LAB_QUEUE_PASSWORD',
    },
    { name: 'concurrency', type: 'integer', min: 1, max: 64, description: 'Runs trained at once, one worker thread each', default: 'number of cores' },
    { name: 'backend', type: 'choice', choices: BACKEND_NAMES, description: "Force this backend (else the lab's choice, else the fastest here)" },
  ],
  examples: ['worker --queue redis://:s3cret@lab-server:6379', 'worker --queue rediss://:s3cret@redis.example.org:6380 --concurrency 2'],
  details:
    'Prints a line per run it starts and ends. Datasets: built-in sets are prepared here; imported ones are fetched ' +
    'from the queue once and checked by content hash. Ctrl-C stops taking runs and finishes the active ones; a ' +
    'second Ctrl-C stops them and hands them back to the queue for another worker.',
  async run({ options: o, dataDir, env }) {
    const url = queueUrlOf(o, env);
    if (url === undefined) throw new UsageError('worker needs --queue redis://:PASSWORD@HOST:6379');
    const address = parseQueueUrl(url);
    const backend = o.string('backend');
    const { startWorkerHost } = await import('../../../core/queue/worker-host');
    const log = (line: string): void => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);
    const worker = await startWorkerHost({
      address,
      dataDir,
      concurrency: o.number('concurrency'),
      backend: BACKEND_NAMES.find((name) => name === backend),
      log,
    });
    log(`${hostname()}: worker on ${address.redacted}, ${worker.concurrency} run${worker.concurrency === 1 ? '' : 's'} at once; Ctrl-C to stop`);
    return new Promise<number>((resolve) => {
      let signals = 0;
      const onSignal = (): void => {
        signals += 1;
        if (signals === 1) {
          log('finishing the active runs, taking no new ones (Ctrl-C again hands them back to the queue)');
          void worker.close().then(() => resolve(signals > 1 ? 130 : 0));
        } else if (signals === 2) {
          log('stopping the active runs and handing them back to the queue');
          void worker.handBack().then(() => resolve(130));
        }
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    });
  },
};
