/** Typed calls into a `Lab` for the benchmark, and waiting for runs to finish. */
import type { Lab } from '../../src/main/core/lab/lab-types';
import type { Channel, Request, Responses } from '../../src/shared/contract';
import { FINAL_STATUSES, type BackendName, type RunStatus } from '../../src/shared/run-types';

/** Calls `channel`; throws the lab's typed error as an Error. */
export async function call<C extends Channel>(lab: Lab, channel: C, request: Request<C>): Promise<Responses[C]> {
  const result = await lab.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as Responses[C];
}

/** A CLI-host lab on `dataDir` that does not resume runs queued by an earlier session. */
export async function openBenchLab(dataDir: string, workers: number, backend: BackendName): Promise<Lab> {
  // Imported on first use, so the sections that do not need the Lab run even while it is being built.
  const { createLab } = await import('../../src/main/core/lab/create-lab');
  return createLab({ dataDir, host: 'cli', workers, preferredBackend: backend, resumeQueued: false });
}

/** Resolves with each run's final status once all of `runIds` have finished. Subscribe before starting them. */
export function finishedRuns(lab: Lab): { waitFor(runIds: number[]): Promise<Map<number, RunStatus>>; dispose(): void } {
  const done = new Map<number, RunStatus>();
  let wake: (() => void) | null = null;
  const unsubscribe = lab.subscribe((event, payload) => {
    if (event !== 'runs:status') return;
    const { runId, status } = payload as { runId: number; status: RunStatus };
    if (FINAL_STATUSES.includes(status)) {
      done.set(runId, status);
      wake?.();
    }
  });
  return {
    async waitFor(runIds) {
      while (!runIds.every((id) => done.has(id))) await new Promise<void>((resolve) => (wake = resolve));
      return new Map(runIds.map((id) => [id, done.get(id) as RunStatus]));
    },
    dispose: unsubscribe,
  };
}
