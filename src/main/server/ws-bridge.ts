import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CHANNELS, type Channel, type LabErrorData, type Result } from '../../shared/contract';
import type { Lab } from '../core/lab/lab-types';
import { requestToken, tokensMatch } from './token';

/** Path of the WebSocket endpoint. */
export const WS_PATH = '/ws';
/** Larger messages are refused: the biggest legitimate request (1000 image indices) is far smaller. */
const MAX_MESSAGE_BYTES = 1024 * 1024;

const channels: ReadonlySet<string> = new Set(CHANNELS);

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channels.has(value);
}

function failure(code: LabErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Parses one `{id, channel, request}` message; the id is echoed back so the client can match answers. */
async function answer(lab: Lab, raw: RawData): Promise<{ id: number | string | null; result: Result<unknown> }> {
  let message: unknown;
  try {
    message = JSON.parse(raw.toString());
  } catch {
    return { id: null, result: failure('invalid_request', 'A message must be JSON: {id, channel, request}.') };
  }
  if (typeof message !== 'object' || message === null) {
    return { id: null, result: failure('invalid_request', 'A message must be an object: {id, channel, request}.') };
  }
  const { id, channel, request } = message as Record<string, unknown>;
  const replyId = typeof id === 'number' || typeof id === 'string' ? id : null;
  if (replyId === null) return { id: null, result: failure('invalid_request', 'A message needs a numeric or string id.') };
  if (!isChannel(channel)) {
    return { id: replyId, result: failure('invalid_request', `Unknown channel ${JSON.stringify(channel)}.`) };
  }
  return { id: replyId, result: await lab.handle(channel, request) };
}

function refuse(socket: Duplex, status: 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Carries the contract over WebSocket on `server`: `{id, channel, request}` → `{id, result}`, and every lab
 * event pushed as `{event, payload}`. The upgrade needs `?token=` (or the page's cookie) and, from a browser, an
 * Origin equal to this server's. Returns a closer.
 */
export function attachWsBridge(server: Server, lab: Lab, token: string): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!tokensMatch(token, requestToken(req, url).token)) return refuse(socket, 403, 'Forbidden');
    // Defence in depth beside the token: a browser always sends Origin, and only our own page may connect.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  wss.on('connection', (ws: WebSocket) => {
    ws.on('message', (raw) => {
      void answer(lab, raw).then((reply) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
      });
    });
  });

  const unsubscribe = lab.subscribe((event, payload) => {
    const text = JSON.stringify({ event, payload });
    for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
  });

  server.on('upgrade', onUpgrade);
  return () =>
    new Promise<void>((resolve) => {
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      wss.close(() => resolve());
    });
}
