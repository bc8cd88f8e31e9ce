import { parseArgs } from 'node:util';
import { defaultDataDir } from '../common/data-dir';

export const DEFAULT_PORT = 5178;

export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  /** Set by tests through LOSS_LAB_TOKEN; otherwise a fresh random token each start. */
  token: string | null;
}

export const SERVE_USAGE = `Usage: npm run serve -- [--port N] [--host ADDRESS] [--data-dir PATH]
  --port      port to listen on (env LOSS_LAB_PORT, default ${DEFAULT_PORT}; 0 picks a free one)
  --host      address to bind (default 127.0.0.1; anything else exposes the lab to your network)
  --data-dir  folder for the database and caches (env LOSS_LAB_DATA_DIR, default ${defaultDataDir()})`;

/** Flags win over environment variables, which win over defaults. Throws with a usage hint on bad input. */
export function parseServeOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ServeOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  const portText = values.port ?? env['LOSS_LAB_PORT'] ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new Error(`--port must be 0..65535, got ${JSON.stringify(portText)}.`);
  const token = env['LOSS_LAB_TOKEN'];
  if (token !== undefined && !/^[A-Za-z0-9_-]{16,}$/.test(token)) {
    throw new Error('LOSS_LAB_TOKEN must be at least 16 characters of A-Z, a-z, 0-9, _ or -.');
  }
  return {
    host: values.host ?? '127.0.0.1',
    port,
    dataDir: values['data-dir'] ?? env['LOSS_LAB_DATA_DIR'] ?? defaultDataDir(env),
    token: token ?? null,
  };
}
