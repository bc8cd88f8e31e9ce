/** Hostile clients against the real HTTP/WebSocket server: malformed frames, odd ids, rebinding origins. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { LabServer } from '@hosts/server/http-server';
import { MAX_IN_FLIGHT } from '@hosts/server/ws-bridge';
import type { LabDouble } from '@support/lab-double';
import { openLabServer, TOKEN, type LabServerFixture } from '@support/lab-server';
import { closeCode, frame, rawUpgrade } from '@support/raw-ws';

let lab: LabDouble;
let server: LabServer;
let fixture: LabServerFixture;

beforeEach(async () => {
  fixture = await openLabServer();
  ({ lab, server } = fixture);
});

afterEach(() => fixture.close());

/** Sends `text` on a fresh well-formed connection and resolves with the parsed reply. */
function exchange(text: string, port = server.port): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?token=${TOKEN}`);
    ws.on('open', () => ws.send(text));
    ws.on('message', (data) => {
      resolve(JSON.parse(data.toString()));
      ws.close();
    });
    ws.on('error', reject);
  });
}

/** The server in a child process of its own, so a crash shows as an exit rather than killing the test run. */
async function startChildServer(): Promise<{ child: ChildProcess; port: number }> {
  const tsx = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist/cli.mjs');
  const child = spawn(process.execPath, [tsx, join(__dirname, '../../../../support/serve-double.ts')], {
    env: { ...process.env, LOSS_LAB_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /port (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening`)));
  });
  return { child, port };
}

describe('malformed frames close their connection only', () => {
  const cases: [string, () => Buffer, number][] = [
    ['a frame over 1 MiB', () => frame(0x1, Buffer.alloc(0), { declaredLength: 2 * 1024 * 1024 }), 1009],
    ['invalid UTF-8 in a text frame', () => frame(0x1, Buffer.from([0xff, 0xfe, 0xfd])), 1007],
    ['an unmasked client frame', () => frame(0x1, Buffer.from('{}'), { masked: false }), 1002],
    ['reserved opcode 3', () => frame(0x3, Buffer.from('{}')), 1002],
  ];
  it('each gets its close code; the server process and its other connections carry on', async () => {
    const { child, port } = await startChildServer();
    try {
      const bystander = await rawUpgrade(port, `/ws?token=${TOKEN}`);
      for (const [name, build, code] of cases) {
        const hostile = await rawUpgrade(port, `/ws?token=${TOKEN}`);
        hostile.socket.write(build());
        await hostile.ended;
        expect(closeCode(hostile.received()), name).toBe(code);
        await new Promise((r) => setTimeout(r, 50));
        expect(child.exitCode, `${name} killed the server`).toBeNull();
        await expect(exchange(JSON.stringify({ id: 1, channel: 'lab:info' }), port), name).resolves.toMatchObject({ id: 1, result: { ok: true } });
      }
      expect(bystander.socket.destroyed).toBe(false);
      bystander.socket.destroy();
    } finally {
      child.kill();
    }
  }, 30_000);
});

describe('request ids', () => {
  it('refuses an id that cannot come back as sent (1e999 parses to Infinity)', async () => {
    const reply = await exchange('{"id": 1e999, "channel": "lab:info"}');
    expect(reply).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_request' } } });
    expect(JSON.stringify(reply)).toMatch(/id/);
    expect(lab.calls).toEqual([]);
  });

  it('refuses fractional, unsafe and overlong ids, and accepts integers and short strings', async () => {
    for (const id of ['1.5', '9007199254740993', JSON.stringify('x'.repeat(1000))]) {
      const reply = await exchange(`{"id": ${id}, "channel": "lab:info"}`);
      expect(reply, id).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid_request' } } });
    }
    expect(lab.calls).toEqual([]);
    await expect(exchange('{"id": 42, "channel": "lab:info"}')).resolves.toMatchObject({ id: 42, result: { ok: true } });
    await expect(exchange('{"id": "a-1", "channel": "lab:info"}')).resolves.toMatchObject({ id: 'a-1', result: { ok: true } });
  });
});

describe('Origin is checked against the address the server bound', () => {
  it('refuses a DNS-rebinding pair (Host and Origin both the attacker’s name)', async () => {
    const port = server.port;
    const rebinding = { Host: `evil.example:${port}`, Origin: `http://evil.example:${port}` };
    await expect(rawUpgrade(port, `/ws?token=${TOKEN}`, rebinding)).rejects.toThrow(/403/);
  });

  it('accepts the origin it printed, and localhost on a loopback bind', async () => {
    const port = server.port;
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const connection = await rawUpgrade(port, `/ws?token=${TOKEN}`, { Origin: origin });
      connection.socket.destroy();
    }
    await expect(rawUpgrade(port, `/ws?token=${TOKEN}`, { Origin: `http://127.0.0.1:${port + 1}` })).rejects.toThrow(/403/);
  });
});

describe('requests in flight', () => {
  it(`answers requests beyond ${MAX_IN_FLIGHT} unanswered ones at once with unavailable, by id`, async () => {
    lab.hang.add('runs:list');
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const replies: { id: number; result: { ok: boolean; error?: { code: string } } }[] = [];
    ws.on('message', (data) => replies.push(JSON.parse(data.toString()) as (typeof replies)[number]));
    for (let id = 1; id <= MAX_IN_FLIGHT + 3; id++) ws.send(JSON.stringify({ id, channel: 'runs:list' }));
    await expect.poll(() => replies.length).toBe(3);
    expect(replies.map((r) => r.id)).toEqual([MAX_IN_FLIGHT + 1, MAX_IN_FLIGHT + 2, MAX_IN_FLIGHT + 3]);
    expect(replies.every((r) => r.result.error?.code === 'unavailable')).toBe(true);
    expect(lab.calls).toHaveLength(MAX_IN_FLIGHT);
    ws.close();
  });
});
