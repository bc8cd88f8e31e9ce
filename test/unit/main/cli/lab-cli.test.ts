import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../../src/main/core/store';

const root = join(__dirname, '../../../..');
const cli = ['--import', 'tsx', join(root, 'src/main/cli/lab.ts')];
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'loss-lab-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const lab = (args: string[], dataDir: string) =>
  spawnSync(process.execPath, [...cli, ...args, '--data-dir', dataDir], { cwd: root, encoding: 'utf8', timeout: 120_000 });

describe('npm run lab', () => {
  it('trains a preset with --json: one object per epoch, the last one the evaluation', () => {
    const dataDir = tempDir();
    // The quick sample: `train` defaults to the full MNIST (60,000 / 10,000).
    const result = lab(['train', '--preset', 'example-3', '--epochs', '1', '--dataset', 'mnist-embedded', '--json'], dataDir);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'epoch', epoch: 1 });
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: 'evaluation', status: 'completed', testSize: 2000 });
    expect(last['testAccuracy']).toBeGreaterThan(0.85);

    const listed = lab(['runs', 'list', '--json'], dataDir);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const shown = lab(['runs', 'show', String(last['runId'])], dataDir);
    expect(shown.stdout).toMatch(/test accuracy \d+\.\d+%/);
  });

  it('exits 2 with a one-line error on bad input', () => {
    const dataDir = tempDir();
    for (const args of [['train', '--preset', 'nope'], ['train', '--preset', 'example-1', '--epochs', 'x'], ['runs', 'show', '42'], ['fly']]) {
      const result = lab(args, dataDir);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^loss-lab: /);
    }
  });

  it('a run killed mid-training is interrupted on reopen, its finished epochs intact', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [...cli, 'train', '--preset', 'example-1', '--epochs', '30', '--dataset', 'mnist-embedded', '--json', '--data-dir', dataDir], { cwd: root });
    let epochs = 0;
    for await (const line of createInterface({ input: child.stdout })) {
      if ((JSON.parse(line) as { type: string }).type === 'epoch') epochs += 1;
      if (epochs === 2) break;
    }
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
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      store.close();
    }
  });
});
