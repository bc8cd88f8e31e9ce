/** A minimal in-memory `Lab` for the bridge tests: fixed answers, events emitted on demand. */
import type { Channel, EventName, Events, LabInfo, Result } from '../../src/shared/contract';
import type { EventListener, Lab } from '../../src/main/core/lab/lab-types';

export interface LabDouble extends Lab {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  calls: { channel: Channel; request: unknown }[];
  /** Invokes on this channel never answer (to test disconnects). */
  hang: Set<Channel>;
}

export function createLabDouble(dataDir = '/tmp/x'): LabDouble {
  const listeners = new Set<EventListener>();
  const info: LabInfo = {
    version: '0.0.0-test',
    backend: 'cpu',
    backendHint: null,
    backendReason: 'cpu: forced (--backend or the backend setting); passed its smoke step',
    dataDir,
    workers: 1,
    host: 'browser',
  };
  const double: LabDouble = {
    calls: [],
    hang: new Set(),
    async handle(channel, request): Promise<Result<unknown>> {
      double.calls.push({ channel, request });
      if (double.hang.has(channel)) return new Promise(() => undefined);
      if (channel === 'lab:info') return { ok: true, value: info };
      if (channel === 'runs:get') return { ok: false, error: { code: 'not_found', message: 'Run 99 does not exist.' } };
      return { ok: true, value: [] };
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    info: () => info,
    paths: {
      importDataset: () => Promise.reject(new Error('the lab double imports nothing')),
      exportStudy: () => Promise.reject(new Error('the lab double exports nothing')),
      exportModel: () => {
        throw new Error('the lab double exports nothing');
      },
    },
    async close() {},
    emit(event, payload) {
      for (const listener of listeners) listener(event, payload);
    },
  };
  return double;
}
