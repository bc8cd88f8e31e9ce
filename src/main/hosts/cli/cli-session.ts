import { LabError, buildApi } from '../../../shared/bridge';
import type { LabApi } from '../../../shared/contract';
import { createLab } from '../../core/lab/create-lab';
import type { Lab } from '../../core/lab/lab-types';

export interface CliSession {
  lab: Lab;
  /** The same typed verbs the renderer uses, over the in-process Lab. */
  api: LabApi;
}

/**
 * Opens the lab for one command; runs left queued by the app are not started by the CLI. With `queueUrl` its
 * runs train on that queue's workers.
 */
export async function openCliSession(dataDir: string, workers?: number, queueUrl?: string): Promise<CliSession> {
  const lab = await createLab({ dataDir, host: 'cli', workers, resumeQueued: false, queueUrl });
  const api = buildApi({
    invoke: (channel, request) => lab.handle(channel, request),
    subscribe: (event, listener) =>
      lab.subscribe((name, payload) => {
        if (name === event) listener(payload);
      }),
  });
  return { lab, api };
}

export { LabError };
