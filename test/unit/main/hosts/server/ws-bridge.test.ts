import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApi, LabError } from '@shared/bridge';
import type { LabServer } from '@hosts/server/http-server';
import { wsTransport } from '@renderer/api/ws-transport';
import type { LabDouble } from '@support/lab-double';
import { openLabServer, TOKEN, type LabServerFixture } from '@support/lab-server';

let lab: LabDouble;
let server: LabServer;
let fixture: LabServerFixture;

function transport(token = TOKEN) {
  return wsTransport({
    url: `ws://127.0.0.1:${server.port}/ws?token=${token}`,
    createSocket: (url) => new WebSocket(url),
    backoff: { initialMs: 20, maxMs: 100 },
  });
}

/** Opens a raw socket and resolves with its first message, or rejects with the handshake error. */
function rawExchange(path: string, message: unknown, origin?: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, origin ? { origin } : {});
    ws.on('open', () => ws.send(JSON.stringify(message)));
    ws.on('message', (data) => {
      resolve(JSON.parse(data.toString()));
      ws.close();
    });
    ws.on('error', reject);
  });
}

beforeEach(async () => {
  fixture = await openLabServer();
  ({ lab, server } = fixture);
});

afterEach(() => fixture.close());

describe('WebSocket bridge', () => {
  it('round-trips an invoke through buildApi', async () => {
    const t = transport();
    const info = await buildApi(t).lab.info();
    expect(info.version).toBe('0.0.0-test');
    await buildApi(t).runs.list();
    expect(lab.calls.map((c) => c.channel)).toEqual(['lab:info', 'runs:list']);
    expect(lab.calls[0].request).toBeUndefined();
    t.close();
  });

  it('passes a typed error through as a LabError with its code', async () => {
    const t = transport();
    const failure = await buildApi(t)
      .runs.get({ runId: 99 })
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(LabError);
    expect(failure).toMatchObject({ code: 'not_found', message: 'Run 99 does not exist.' });
    t.close();
  });

  it('pushes lab events to subscribers, and stops after unsubscribe', async () => {
    const t = transport();
    const api = buildApi(t);
    const seen: number[] = [];
    const off = api.runs.onEpoch((p) => seen.push(p.runId));
    await api.lab.info(); // the socket is open once an invoke has come back
    lab.emit('runs:epoch', {
      runId: 7,
      metrics: {
        epoch: 1,
        trainLoss: 1,
        trainAccuracy: 0.5,
        valLoss: null,
        valAccuracy: null,
        testLoss: null,
        testAccuracy: null,
        seconds: 1,
        samplesPerSecond: 10,
        layers: [],
      },
    });
    await expect.poll(() => seen).toEqual([7]);
    off();
    lab.emit('runs:epoch', {
      runId: 8,
      metrics: {
        epoch: 1,
        trainLoss: 1,
        trainAccuracy: 0.5,
        valLoss: null,
        valAccuracy: null,
        testLoss: null,
        testAccuracy: null,
        seconds: 1,
        samplesPerSecond: 10,
        layers: [],
      },
    });
    await api.lab.info();
    expect(seen).toEqual([7]);
    t.close();
  });

  it('refuses an upgrade with a wrong or missing token (403)', async () => {
    await expect(rawExchange('/ws?token=wrong', {})).rejects.toThrow(/403/);
    await expect(rawExchange('/ws', {})).rejects.toThrow(/403/);
    expect(lab.calls).toEqual([]);
  });

  it('refuses a page of another origin even with the token, and accepts its own', async () => {
    const request = { id: 1, channel: 'runs:list' };
    await expect(rawExchange(`/ws?token=${TOKEN}`, request, 'http://evil.example')).rejects.toThrow(/403/);
    await expect(rawExchange(`/ws?token=${TOKEN}`, request, `http://127.0.0.1:${server.port}`)).resolves.toMatchObject({ id: 1 });
  });

  it('refuses an unknown channel without reaching the lab', async () => {
    const reply = await rawExchange(`/ws?token=${TOKEN}`, { id: 1, channel: 'fs:readFile', request: '/etc/passwd' });
    expect(reply).toEqual({ id: 1, result: { ok: false, error: { code: 'invalid_request', message: 'Unknown channel "fs:readFile".' } } });
    expect(lab.calls).toEqual([]);
  });

  it('rejects pending invokes as unavailable when the connection drops', async () => {
    const t = transport();
    const api = buildApi(t);
    await api.lab.info();
    lab.hang.add('runs:list');
    const pending = api.runs.list().catch((e: unknown) => e);
    await expect.poll(() => lab.calls.length).toBe(2);
    await fixture.close();
    expect(await pending).toMatchObject({ code: 'unavailable' });
    t.close();
    fixture = await openLabServer(); // for afterEach to close
  });
});
