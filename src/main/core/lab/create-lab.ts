import { availableParallelism } from 'node:os';
import { messageOf, stderrLogger } from '../logger';
import { join } from 'node:path';
import { requestSchemas, type Channel, type LabInfo, type Result } from '../../../shared/contract';
import { ensureDirectory } from '../files/ensure-directory';
import { openDatasetRegistry } from '../datasets/registry';
import { openStore } from '../store';
import { requeueInterruptedStudyRuns } from '../studies/study-store';
import { initBackend } from '../training/backend/backend';
import { backendChoicesPath } from '../training/backend/backend-choices';
import { datasetHandlers } from './dataset-handlers';
import { CoreError } from '../errors';
import { toLabError } from './errors';
import { fileHandlers, labPaths } from './file-handlers';
import type { Handler, Handlers, LabContext } from './handler-types';
import { createLabEvents } from './lab-events';
import type { Lab, LabOptions } from './lab-types';
import { createPredictorCache } from './predictors';
import { createRunScheduler } from './run-scheduler';
import { runHandlers } from './run-handlers';
import { studyHandlers, studyProgressNotifier } from './study-handlers';
import { LAB_VERSION } from '../version';
import { labIdOf } from '../queue/lab-id';
import { parseQueueUrl } from '../queue/redis-url';
import type { RunLauncher } from '../training/run-launcher';
import { fixedRunTarget, savedRunTarget, type RunTarget } from './run-target';
import { runTargetHandlers } from './run-target-handlers';
import { openQueueSettings } from '../queue/queue-settings';
import type { DatasetRegistry } from '../datasets/registry';

/** Connects to a queue (a bad or unreachable URL throws, naming it redacted). */
async function queueLauncher(url: string, options: LabOptions, datasets: DatasetRegistry): Promise<RunLauncher> {
  // Loaded only when asked for: a lab without a queue never loads BullMQ.
  const { createQueueLauncher } = await import('../queue/queue-launcher');
  return createQueueLauncher({
    address: parseQueueUrl(url),
    labId: labIdOf(options.dataDir),
    datasets,
    preferredBackend: options.preferredBackend,
    log: (line) => (options.logger ?? stderrLogger).warn(line),
  });
}

/** `--queue` fixes the target (the command line); a host with `runTargetSecrets` honours the app's saved choice. */
async function runTargetOf(options: LabOptions, datasets: DatasetRegistry): Promise<RunTarget> {
  if (options.queueUrl !== undefined) return fixedRunTarget(await queueLauncher(options.queueUrl, options, datasets), options.queueUrl);
  if (!options.runTargetSecrets) return fixedRunTarget(undefined, undefined);
  const settings = openQueueSettings(options.dataDir, options.runTargetSecrets);
  return savedRunTarget(settings, (url) => queueLauncher(url, options, datasets));
}

/** Opens the data directory, the database and the datasets, then resumes any queued runs. */
export async function createLab(options: LabOptions): Promise<Lab> {
  ensureDirectory(options.dataDir);
  const workers = Math.max(1, options.workers ?? availableParallelism());
  const logger = options.logger ?? stderrLogger;
  const store = openStore(join(options.dataDir, 'loss-lab.db'), { nativeBinding: options.sqliteNativeBinding, logger });
  try {
    const datasets = await openDatasetRegistry(options.dataDir, store);
    const choicesPath = backendChoicesPath(options.dataDir);
    const backend = await initBackend(options.preferredBackend, store.readOnly ? null : choicesPath);
    const events = createLabEvents((error) => logger.warn(`an event listener failed: ${messageOf(error)}`));
    const info: LabInfo = {
      version: LAB_VERSION,
      backend: backend.name,
      backendHint: backend.hint,
      backendReason: backend.reason,
      dataDir: options.dataDir,
      workers,
      host: options.host,
    };
    const notifyStudy = studyProgressNotifier(store, events, workers);
    const runTarget = await runTargetOf(options, datasets);
    const scheduler = createRunScheduler({
      store,
      datasets,
      events,
      workers,
      placement: runTarget.placement,
      workerUrl: options.workerUrl,
      preferredBackend: options.preferredBackend,
      backendChoicesPath: store.readOnly ? undefined : choicesPath,
      resumeQueued: options.resumeQueued ?? true,
      onRunChanged: notifyStudy,
      logger,
    });
    runTarget.onChange(() => scheduler.kick());
    const predictors = createPredictorCache();
    const ctx: LabContext = { store, datasets, scheduler, predictors, events, info, backend: backend.name, workers, files: options.files ?? null, runTarget };
    const handlers: Handlers = { ...datasetHandlers(ctx), ...runHandlers(ctx), ...studyHandlers(ctx), ...fileHandlers(ctx), ...runTargetHandlers(ctx) };
    // A long-lived host picks up where a crash left the studies: their interrupted runs train again.
    if ((options.resumeQueued ?? true) && !store.readOnly) requeueInterruptedStudyRuns(store);
    scheduler.kick();

    return {
      async handle(channel: Channel, request: unknown): Promise<Result<unknown>> {
        try {
          if (!Object.hasOwn(requestSchemas, channel)) {
            throw new CoreError('invalid_request', `unknown channel "${String(channel)}"`);
          }
          const parsed: unknown = requestSchemas[channel].parse(request);
          const handler = handlers[channel] as Handler<Channel>;
          return { ok: true, value: await handler(parsed as never) };
        } catch (error) {
          return { ok: false, error: toLabError(error) };
        }
      },
      subscribe: events.subscribe,
      info: () => info,
      paths: labPaths(ctx),
      async close() {
        await scheduler.close();
        await runTarget.close();
        predictors.clear();
        store.close();
      },
    };
  } catch (error) {
    store.close();
    throw error;
  }
}
