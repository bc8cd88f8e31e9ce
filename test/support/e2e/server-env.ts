/** How the global setup hands the browser-mode server to the specs: environment variables. */
export const E2E_ENV = {
  origin: 'LOSS_LAB_E2E_ORIGIN',
  token: 'LOSS_LAB_E2E_TOKEN',
  dataDir: 'LOSS_LAB_E2E_DATA_DIR',
} as const;

export interface E2eServer {
  /** e.g. http://127.0.0.1:40123, no token. */
  origin: string;
  token: string;
  dataDir: string;
  /** The page URL with its token. */
  url: string;
}

/** The server the global setup started; throws if the specs run without it. */
export function e2eServer(): E2eServer {
  const origin = process.env[E2E_ENV.origin];
  const token = process.env[E2E_ENV.token];
  const dataDir = process.env[E2E_ENV.dataDir];
  if (!origin || !token || !dataDir) throw new Error('The browser-mode server is not running: run the specs through playwright.config.ts.');
  return { origin, token, dataDir, url: `${origin}/?token=${token}` };
}
