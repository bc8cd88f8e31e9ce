import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { E2E_ENV } from './server-env';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const STARTUP_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

/** Resolves once the server prints its URL; rejects with its output if it exits or takes too long. */
function waitForUrl(child: ChildProcess): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser-mode server did not start in ${STARTUP_MS} ms:\n${output}`)), STARTUP_MS);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      if (/Open http:\/\/\S+\?token=/.test(output)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser-mode server exited (${code}) before it was ready:\n${output}`));
    });
  });
}

/** Starts `src/main/hosts/server/serve.ts` on a free port with a fresh data dir and a known token; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(join(ROOT, 'out', 'renderer', 'index.html'))) {
    throw new Error('No built renderer (out/renderer/index.html): run `npm run test:e2e`, which builds first.');
  }
  const port = await freePort();
  const token = randomBytes(24).toString('base64url');
  const dataDir = mkdtempSync(join(tmpdir(), 'loss-lab-e2e-'));
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'src', 'main', 'hosts', 'server', 'serve.ts')], {
    cwd: ROOT,
    env: { ...process.env, LOSS_LAB_PORT: String(port), LOSS_LAB_DATA_DIR: dataDir, LOSS_LAB_TOKEN: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForUrl(child);
  process.env[E2E_ENV.origin] = `http://127.0.0.1:${port}`;
  process.env[E2E_ENV.token] = token;
  process.env[E2E_ENV.dataDir] = dataDir;

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM'); // serve.ts closes the lab (interrupting runs) and the server
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}
