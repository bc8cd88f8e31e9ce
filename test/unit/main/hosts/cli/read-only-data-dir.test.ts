import { spawnSync } from 'node:child_process';
import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatasetRegistry } from '@core/datasets/registry';
import { openStore } from '@core/store';
import { epochMetrics, evaluation, newRun } from '@support/store';
import { ROOT, removeTempDirs, SLOW_TEST_MS, tempDir } from '@support/cli';

afterAll(removeTempDirs);

/** Makes `path` and everything under it read-only (folders stay listable). */
function makeReadOnly(path: string): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path)) makeReadOnly(join(path, name));
    chmodSync(path, 0o555);
  } else chmodSync(path, 0o444);
}

/**
 * Runs the CLI as a user who cannot write the data directory: as `nobody` when the tests run as root (root
 * writes anywhere, CI included), else as the current user.
 */
function labAsReader(args: string[], dataDir: string) {
  const asRoot = process.getuid?.() === 0;
  return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/main/hosts/cli/main.ts'), ...args, '--data-dir', dataDir], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 300_000,
    ...(asRoot ? { uid: 65534, gid: 65534, env: { ...process.env, HOME: '/tmp' } } : {}),
  });
}

describe('a read-only data directory', () => {
  it(
    'can be read (runs list, runs show); a write fails naming the file and saying it is read-only',
    async () => {
      const parent = tempDir('loss-lab-readonly-');
      const dataDir = join(parent, 'lab');
      const store = openStore(join(dataDir, 'loss-lab.db'));
      await openDatasetRegistry(dataDir, store);
      const run = store.createRun(newRun({ name: 'kept safe' }));
      store.markRunning(run.id, 'cpu');
      store.appendEpoch(run.id, epochMetrics(1));
      store.finishRun(run.id, { status: 'completed', evaluation: evaluation(0.93) });
      store.close();
      chmodSync(parent, 0o755);
      makeReadOnly(dataDir);

      const listed = labAsReader(['runs', 'list', '--json'], dataDir);
      expect(listed.status, listed.stderr).toBe(0);
      expect(JSON.parse(listed.stdout)).toMatchObject([{ id: run.id, name: 'kept safe', status: 'completed' }]);
      const shown = labAsReader(['runs', 'show', String(run.id)], dataDir);
      expect(shown.status, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/test accuracy 93\.0+%/);

      const trained = labAsReader(['train', '--preset', 'example-3', '--dataset', 'mnist-embedded', '--epochs', '1'], dataDir);
      expect(trained.status).toBe(1);
      expect(trained.stderr).toMatch(/^loss-lab: could not write to the database .*loss-lab\.db: .*read-?only/m);
      expect(trained.stderr.trim().split('\n')).toHaveLength(1);
    },
    SLOW_TEST_MS,
  );
});
