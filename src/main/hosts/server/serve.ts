/**
 * Browser mode: `npm run serve` builds the renderer, then this serves it with the lab behind a WebSocket, for
 * machines where Electron cannot run. Prints the URL (with its token) to open.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLab } from '../../core/lab/create-lab';
import { fileSecretStore } from '../../core/queue/secret-store';
import { startLabServer } from './http-server';
import { parseServeOptions, SERVE_USAGE } from './options';
import { createToken } from './token';

async function main(): Promise<void> {
  let options;
  try {
    options = parseServeOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${SERVE_USAGE}`);
    process.exit(2);
  }
  const rendererDir = fileURLToPath(new URL('../../../../out/renderer', import.meta.url));
  if (!existsSync(`${rendererDir}/index.html`)) {
    console.error(`No built renderer in ${rendererDir}: run \`npm run serve\` (it builds first) or \`npx electron-vite build\`.`);
    process.exit(1);
  }
  // No OS keychain without Electron: the queue password stays in the data folder's 0600 secrets file.
  const lab = await createLab({ dataDir: options.dataDir, host: 'browser', runTargetSecrets: fileSecretStore(join(options.dataDir, 'secrets.json')) });
  const server = await startLabServer({
    lab,
    rendererDir,
    token: options.token ?? createToken(),
    host: options.host,
    port: options.port,
  });
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1') {
    console.warn(`Warning: listening on ${options.host}; anyone who can reach it and has the token can use the lab.`);
  }
  console.log(`Loss Lab (${lab.info().backend} backend, data in ${options.dataDir})`);
  console.log(`Open ${server.url}`);

  let closing = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: stopping runs and closing…`);
    // Lab first: running runs are marked interrupted while the server still holds their sockets.
    lab
      .close()
      .catch((error: unknown) => console.error('Closing the lab failed:', error))
      .then(() => server.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`Loss Lab could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
