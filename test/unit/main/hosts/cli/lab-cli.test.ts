/** The CLI as a process: exit status, stderr, signals. Command behaviour is tested in-process (run-command-line.test.ts). */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '@core/store';
import { lab, removeTempDirs, ROOT, tempDir } from '@support/cli';
import { onDatabase } from '@support/store';

const cli = ['--import', 'tsx', join(ROOT, 'src/main/hosts/cli/main.ts')];
afterAll(removeTempDirs);

const small = ['--dataset', 'mnist-embedded', '--hidden-units', '32', '--batch-size', '64'];

/** Starts `train`, resolves once `epochs` epoch lines have arrived on stdout. */
async function trainUntil(dataDir: string, epochs: number) {
  const child = spawn(process.execPath, [...cli, 'train', ...small, '--epochs', '30', '--json', '--data-dir', dataDir], { cwd: ROOT });
  let seen = 0;
  for await (const line of createInterface({ input: child.stdout })) {
    if ((JSON.parse(line) as { type: string }).type === 'epoch') seen += 1;
    if (seen === epochs) break;
  }
  return child;
}

describe('npm run lab (a process)', () => {
  it('prints help on stdout and exits 0; bad input is one line on stderr and exit 2', () => {
    const dataDir = tempDir();
    const help = lab(['train', '--help'], dataDir);
    expect([help.status, help.stderr]).toEqual([0, '']);
    expect(help.stdout).toMatch(/^lab train: /);
    const bad = lab(['train', '--hiden-units', '8'], dataDir);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, '', 'loss-lab: unknown option --hiden-units for "lab train" (did you mean --hidden-units?)\n']);
  });

  it('trains with --json: one object per epoch, the last one the evaluation', () => {
    const dataDir = tempDir();
    const result = lab(['train', '--preset', 'example-3', ...small, '--epochs', '1', '--json'], dataDir);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'epoch', epoch: 1 });
    expect(lines.at(-1)).toMatchObject({ type: 'evaluation', status: 'completed', testSize: 2000 });
    expect(lines.at(-1)!['testAccuracy']).toBeGreaterThan(0.8);
    // Why this backend: measured here (no tfjs-node in the tests' installs) or forced, never empty.
    expect(lines.at(-1)!['backendReason']).toMatch(/^(wasm|cpu|tensorflow): .*(measured|checked|forced)/);
  });

  it('Ctrl-C stops the run: exit 130, the run recorded as stopped', async () => {
    const dataDir = tempDir();
    const child = await trainUntil(dataDir, 1);
    child.kill('SIGINT');
    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(130);
    const store = openStore(join(dataDir, 'loss-lab.db'));
    try {
      expect(store.listRuns()[0].status).toBe('stopped');
    } finally {
      store.close();
    }
  });

  it('a run killed mid-training is interrupted on reopen, its finished epochs intact', async () => {
    const dataDir = tempDir();
    const child = await trainUntil(dataDir, 2);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const store = openStore(join(dataDir, 'loss-lab.db'));
    try {
      const [run] = store.listRuns();
      expect(store.recovered).toEqual([run.id]);
      expect(run.status).toBe('interrupted');
      expect(run.epochsDone).toBeGreaterThanOrEqual(2);
      const detail = store.getRun(run.id)!;
      expect(detail.epochs.slice(0, 2).map((e) => e.epoch)).toEqual([1, 2]);
      expect(onDatabase(join(dataDir, 'loss-lab.db'), (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    } finally {
      store.close();
    }
  });
});
