import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Lab } from '../../core/lab/lab-types';
import { isOwnOrigin } from './origin-check';
import { requestToken, tokensMatch } from './token';
import { answerMessage, tooMany } from './ws-messages';

/** Path of the WebSocket endpoint. */
export const WS_PATH = '/ws';
/** Larger messages are refused: the biggest legitimate request (1000 image indices) is far smaller. */
const MAX_MESSAGE_BYTES = 1024 * 1024;
/** Unanswered requests one connection may have; more are refused at once rather than queued without bound. */
export const MAX_IN_FLIGHT = 64;

function refuse(socket: Duplex, status: 403 | 404, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Carries the contract over WebSocket on `server`: `{id, channel, request}` → `{id, result}`, and every lab
 * event pushed as `{event, payload}`. The upgrade needs `?token=` (or the page's cookie) and, from a browser, an
 * Origin of this server as bound to `boundHost` (see origin-check). Returns a closer.
 */
export function attachWsBridge(server: Server, lab: Lab, token: string, boundHost: string): () => Promise<void> {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== WS_PATH) return refuse(socket, 404, 'Not Found');
    if (!tokensMatch(token, requestToken(req, url).token)) return refuse(socket, 403, 'Forbidden');
    // Defence in depth beside the token: a browser always sends Origin, and only our own page may connect.
    const origin = req.headers.origin;
    const bound = server.address() as AddressInfo;
    if (origin !== undefined && !isOwnOrigin(origin, boundHost, bound.port)) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  };

  wss.on('connection', (ws: WebSocket) => {
    // A malformed frame (too large, invalid UTF-8, unmasked, reserved opcode): ws has already closed this
    // connection with the matching code (1009, 1007, 1002); without a listener the error would kill the process.
    ws.on('error', (error: Error & { code?: string }) => {
      console.warn(`[loss-lab] closed a WebSocket connection: ${error.message}${error.code ? ` (${error.code})` : ''}`);
    });
    let inFlight = 0;
    ws.on('message', (raw) => {
      const reply = inFlight >= MAX_IN_FLIGHT ? Promise.resolve(tooMany(raw)) : answerMessage(lab, raw);
      inFlight++;
      void reply.then((answer) => {
        inFlight--;
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
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
