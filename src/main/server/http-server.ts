import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Lab } from '../core/lab/lab-types';
import { CONTENT_SECURITY_POLICY } from '../csp';
import { readStaticFile } from './static-files';
import { requestToken, TOKEN_COOKIE, tokensMatch } from './token';
import { attachWsBridge } from './ws-bridge';

export interface LabServerOptions {
  lab: Lab;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token: string;
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 picks a free port. */
  port: number;
}

export interface LabServer {
  /** Where the server listens, without the token. */
  origin: string;
  port: number;
  /** The URL to open: origin plus `?token=…`. */
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

function send(res: ServerResponse, status: number, body: string | Buffer, contentType = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, options: LabServerOptions): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.\n');
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { token, fromQuery } = requestToken(req, url);
  if (!tokensMatch(options.token, token)) {
    return send(res, 403, 'Forbidden: open the URL printed by `npm run serve`, including its ?token=….\n');
  }
  const file = await readStaticFile(options.rendererDir, url.pathname);
  if (!file) return send(res, 404, 'Not found.\n');
  if (fromQuery) {
    // Lets the page's scripts, styles and images load without repeating the token in every URL.
    res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`);
  }
  if (req.method === 'HEAD') {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.contentType, 'Content-Length': file.body.length });
    return void res.end();
  }
  send(res, 200, file.body, file.contentType);
}

/** Browser mode: the built renderer over HTTP plus the contract over WebSocket, both behind the token. */
export async function startLabServer(options: LabServerOptions): Promise<LabServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => {
    serveStatic(req, res, options).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      else res.destroy();
    });
  });
  const closeBridge = attachWsBridge(server, options.lab, options.token, host);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    origin,
    port,
    url: `${origin}/?token=${options.token}`,
    async close() {
      await closeBridge();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
