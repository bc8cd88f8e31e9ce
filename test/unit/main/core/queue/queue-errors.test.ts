/** What the command line says when the queue is wrong or gone, before any run is created. */
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { lab, removeTempDirs, tempDir } from '@support/cli';
import { runRows } from '@support/queue';

afterAll(removeTempDirs);

/** A loopback port nothing listens on. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });

describe('lab with a bad or unreachable --queue', () => {
  it('refuses a queue URL without a password (exit 2), saying how to give one', () => {
    const dataDir = tempDir();
    const result = lab(['train', '--dataset', 'mnist-embedded', '--epochs', '1', '--queue', 'redis://127.0.0.1:6379'], dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/redis:\/\/127\.0\.0\.1:6379 has no password: .*requirepass/);
  });

  it('fails within seconds naming the redacted URL when Redis is unreachable, creating no run', async () => {
    const dataDir = tempDir();
    const port = await closedPort();
    const result = lab(
      ['study', 'run', 'seed-article', '--dataset', 'mnist-embedded', '--seeds', '1', '--queue', `redis://:hunter2@127.0.0.1:${port}`],
      dataDir,
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot reach the queue at redis://:***@127.0.0.1:${port}`);
    expect(result.stderr).not.toContain('hunter2');
    expect(runRows(dataDir)).toEqual([]);
  });

  it('a worker refuses to start without --queue (exit 2)', () => {
    const result = lab(['worker'], tempDir());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('worker needs --queue');
  });
});
