import { describe, expect, it } from 'vitest';
import { buildApi, buildPreloadApi, LabError, preloadTransport, type Transport } from '@shared/bridge';
import { CHANNELS, EVENT_NAMES, type Channel, type EventName } from '@shared/contract';

function recordingTransport() {
  const calls: [Channel, unknown][] = [];
  const listeners = new Map<EventName, ((p: unknown) => void)[]>();
  const transport: Transport = {
    invoke: async (channel, request) => {
      calls.push([channel, request]);
      return channel === 'runs:get' ? { ok: false, error: { code: 'not_found', message: 'run 9 does not exist' } } : { ok: true, value: channel };
    },
    subscribe(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return () =>
        listeners.set(
          event,
          (listeners.get(event) ?? []).filter((l) => l !== listener),
        );
    },
  };
  return { transport, calls, listeners };
}

describe('buildApi', () => {
  it('has one verb per channel and one on… verb per event, named from the contract', () => {
    const api = buildApi(recordingTransport().transport) as unknown as Record<string, Record<string, unknown>>;
    for (const channel of CHANNELS) {
      const [domain, verb] = channel.split(':');
      expect(typeof api[domain][verb], channel).toBe('function');
    }
    for (const event of EVENT_NAMES) {
      const [domain, verb] = event.split(':');
      expect(typeof api[domain][`on${verb[0].toUpperCase()}${verb.slice(1)}`], event).toBe('function');
    }
  });

  it('unwraps results and throws typed errors', async () => {
    const { transport, calls } = recordingTransport();
    const api = buildApi(transport);
    await expect(api.runs.list()).resolves.toBe('runs:list');
    await expect(api.runs.stop({ runId: 3 })).resolves.toBe('runs:stop');
    expect(calls).toEqual([
      ['runs:list', undefined],
      ['runs:stop', { runId: 3 }],
    ]);
    const error = await api.runs.get({ runId: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabError);
    expect(error).toMatchObject({ code: 'not_found', message: 'run 9 does not exist' });
  });

  it('subscribes to events and unsubscribes', () => {
    const { transport, listeners } = recordingTransport();
    const api = buildApi(transport);
    const seen: number[] = [];
    const off = api.runs.onEpoch(({ runId }) => seen.push(runId));
    listeners.get('runs:epoch')!.forEach((l) => l({ runId: 4 }));
    off();
    expect(listeners.get('runs:epoch')).toEqual([]);
    expect(seen).toEqual([4]);
  });
});

describe('the preload route (Electron)', () => {
  it('keeps typed errors across the preload verbs and back', async () => {
    const { transport, listeners } = recordingTransport();
    const preload = buildPreloadApi(transport);
    // What crosses contextBridge: plain Results, never thrown errors.
    await expect(preload.runs.get({ runId: 9 })).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'run 9 does not exist' } });
    const api = buildApi(preloadTransport(preload));
    await expect(api.runs.list()).resolves.toBe('runs:list');
    await expect(api.runs.get({ runId: 9 })).rejects.toMatchObject({ name: 'LabError', code: 'not_found' });
    const seen: number[] = [];
    const off = api.runs.onEpoch(({ runId }) => seen.push(runId));
    listeners.get('runs:epoch')!.forEach((l) => l({ runId: 5 }));
    off();
    expect(seen).toEqual([5]);
    expect(listeners.get('runs:epoch')).toEqual([]);
  });
});
