/** Calling a Lab's channels in tests, and waiting for a run to end. */
import type { Lab } from '../../src/main/core/lab/lab-types';
import { FINAL_STATUSES, type RunStatus } from '../../src/shared/run-types';

/** The channel's value; a typed error from the lab becomes a thrown Error naming its code. */
export async function call<T>(lab: Lab, channel: Parameters<Lab['handle']>[0], request?: unknown): Promise<T> {
  const result = await lab.handle(channel, request);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves with run `runId`'s final status. Subscribe before the run can end. */
export function finished(lab: Lab, runId: number): Promise<RunStatus> {
  return new Promise((resolve) => {
    const off = lab.subscribe((event, payload) => {
      if (event !== 'runs:status') return;
      const { runId: id, status } = payload as { runId: number; status: RunStatus };
      if (id === runId && FINAL_STATUSES.includes(status)) {
        off();
        resolve(status);
      }
    });
  });
}
