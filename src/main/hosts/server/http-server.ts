import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { uploadsDir } from '../../core/lab/file-handlers';
import type { Lab } from '../../core/lab/lab-types';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { isOwnOrigin } from './origin-check';
import { readStaticFile } from '../common/static-files';
import { handleUpload } from './uploads';
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

/** The address the server listens on, filled in once it does (port 0 picks one). */
interface Bound {
  host: string;
  port: number;
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

async function serveStatic(req: IncomingMessage, res: ServerResponse, options: LabServerOptions, bound: Bound): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const { token, fromQuery } = requestToken(req, url);
  if (!tokensMatch(options.token, token)) {
    return send(res, 403, 'Forbidden: open the URL printed by `npm run serve`, including its ?token=….\n');
  }
  if (url.pathname.startsWith('/uploads')) {
    // Uploads change state: a browser always sends Origin on them, and it must be this server's own.
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, bound.host, bound.port)) return send(res, 403, "Forbidden: not this server's page.\n");
    const json = (status: number, body: object): void => send(res, status, JSON.stringify(body), 'application/json; charset=utf-8');
    if (await handleUpload(req, options.lab.info().dataDir, json)) return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed.\n');
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
  // Uploads left by an earlier session were never imported.
  rmSync(uploadsDir(options.lab.info().dataDir), { recursive: true, force: true });
  const bound: Bound = { host, port: 0 };
  const server = createServer((req, res) => {
    serveStatic(req, res, options, bound).catch((error: unknown) => {
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
  bound.port = port;
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
