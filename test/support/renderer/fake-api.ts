/**
 * A fake core for store tests: the real `buildApi` over an in-memory transport, so stores see exactly the
 * `LabApi` they get in the app. Handlers answer invokes; `emit` pushes events.
 */
import { buildApi, type Transport } from '../../../src/shared/bridge';
import type { Channel, ErrorCode, EventName, Events, LabApi, Response, Result } from '../../../src/shared/contract';

type Handler<C extends Channel> = (request: unknown) => Response<C> | Promise<Response<C>>;

export class FakeLabError {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

export interface FakeLab {
  api: LabApi;
  calls: { channel: Channel; request: unknown }[];
  on<C extends Channel>(channel: C, handler: Handler<C>): void;
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  listenerCount(event: EventName): number;
}

export function createFakeLab(): FakeLab {
  const handlers = new Map<Channel, (request: unknown) => unknown>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls: FakeLab['calls'] = [];

  const transport: Transport = {
    async invoke(channel, request): Promise<Result<unknown>> {
      calls.push({ channel, request });
      const handler = handlers.get(channel);
      if (!handler) return { ok: false, error: { code: 'internal', message: `no fake handler for ${channel}` } };
      try {
        return { ok: true, value: await handler(request) };
      } catch (e) {
        if (e instanceof FakeLabError) return { ok: false, error: { code: e.code, message: e.message } };
        throw e;
      }
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };

  return {
    api: buildApi(transport),
    calls,
    on(channel, handler) {
      handlers.set(channel, handler);
    },
    emit(event, payload) {
      listeners.get(event)?.forEach((l) => l(payload));
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}
