import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  spawnSync(process.execPath, [...cli, ...args, '--data-dir', dataDir], { cwd: root, encoding: 'utf8', timeout: 180_000 });
const jsonLines = (stdout: string): Record<string, unknown>[] =>
  stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
/** A small, fast model on the embedded digits. */
const small = ['--dataset', 'mnist-embedded', '--hidden-units', '32', '--batch-size', '64', '--epochs', '1'];

describe('npm run lab', () => {
  it('trains with --json: one object per epoch, the last one the evaluation', () => {
    const dataDir = tempDir();
    const result = lab(['train', '--preset', 'example-3', ...small, '--json'], dataDir);
    expect(result.status, result.stderr).toBe(0);
    const lines = jsonLines(result.stdout);
    expect(lines[0]).toMatchObject({ type: 'epoch', epoch: 1 });
    const last = lines.at(-1)!;
    expect(last).toMatchObject({ type: 'evaluation', status: 'completed', testSize: 2000 });
    expect(last['testAccuracy']).toBeGreaterThan(0.8);

    const listed = lab(['runs', 'list', '--json'], dataDir);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
    const shown = lab(['runs', 'show', String(last['runId'])], dataDir);
    expect(shown.stdout).toMatch(/test accuracy \d+\.\d+%/);
  });

  it('runs show --config → train --config reproduces the run exactly; compare, export, delete, list filters', () => {
    const dataDir = tempDir();
    const first = lab(['train', '--preset', 'example-1', ...small, '--learning-rate', '0.005', '--seed', '3', '--json'], dataDir);
    expect(first.status, first.stderr).toBe(0);
    const shown = lab(['runs', 'show', '1', '--config'], dataDir);
    expect(JSON.parse(shown.stdout)).toMatchObject({ datasetId: 'mnist-embedded', config: { learningRate: 0.005, seed: 3, hiddenUnits: [32] } });
    const file = join(dataDir, 'run.json');
    writeFileSync(file, shown.stdout);
    const again = lab(['train', '--config', file, '--json'], dataDir);
    expect(again.status, again.stderr).toBe(0);
    const metrics = (stdout: string) =>
      jsonLines(stdout).map(({ runId: _, seconds: __, samplesPerSecond: ___, ...rest }) => rest);
    expect(metrics(again.stdout)).toEqual(metrics(first.stdout));

    const compared = lab(['runs', 'compare', '1', '2', '--json'], dataDir);
    expect(JSON.parse(compared.stdout)).toMatchObject({ a: { id: 1 }, b: { id: 2 }, differences: [] });
    const table = lab(['runs', 'compare', '1', '2'], dataDir).stdout;
    expect(table).toMatch(/^epoch\s+loss 1\s+loss 2/m);
    const out = join(dataDir, 'model');
    const exported = lab(['runs', 'export', '1', '--out', out, '--json'], dataDir);
    expect(JSON.parse(exported.stdout).files).toContain(join(out, 'model.json'));
    expect(existsSync(join(out, 'model.json'))).toBe(true);
    expect(lab(['runs', 'delete', '2'], dataDir).stdout).toBe('deleted run 2\n');
    expect(JSON.parse(lab(['runs', 'list', '--status', 'completed', '--json'], dataDir).stdout).map((r: { id: number }) => r.id)).toEqual([1]);
    expect(JSON.parse(lab(['runs', 'list', '--dataset', 'other', '--json'], dataDir).stdout)).toEqual([]);
  });

  it('runs a study from a JSON file: 2 configurations × 2 seeds × 1 epoch', () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'study.json');
    const base = { hiddenUnits: [32], hiddenActivation: 'relu', outputActivation: 'softmax', loss: 'categoricalCrossentropy', targetEncoding: 'oneHot01', outputRescale: 'none', optimizer: 'adam', learningRate: 0.001, batchSize: 64, epochs: 1, validationSplit: 0.1, seed: 1, initializer: 'glorotUniform' };
    const factors = [{ field: 'loss', levels: ['mse', 'categoricalCrossentropy'] }, { field: 'outputActivation', levels: ['softmax', 'tanh'] }];
    writeFileSync(file, JSON.stringify({ name: 'loss study', datasetId: 'mnist-embedded', base, factors: factors.slice(0, 1), seeds: 2 }));

    const dry = lab(['study', 'run', '--config', file, '--dry-run', '--json'], dataDir);
    expect(jsonLines(dry.stdout).map((l) => [l['type'], l['key'], l['seed']])).toEqual([
      ['run', 'loss=mse', 1],
      ['run', 'loss=categoricalCrossentropy', 1],
      ['run', 'loss=mse', 2],
      ['run', 'loss=categoricalCrossentropy', 2],
    ]);
    writeFileSync(join(dataDir, 'skips.json'), JSON.stringify({ name: 's', base, factors, seeds: 1 }));
    const skips = lab(['study', 'run', '--config', join(dataDir, 'skips.json'), '--dry-run'], dataDir);
    expect(skips.stdout).toMatch(/3 configurations × 1 seeds = 3 runs[\s\S]*1 combination skipped \(cannot train\):\n  loss categoricalCrossentropy · output tanh: categoricalCrossentropy takes log/);

    const run = lab(['study', 'run', '--config', file, '--workers', '2', '--json'], dataDir);
    expect(run.status, run.stderr).toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ type: 'study', id: 1, name: 'loss study', runsTotal: 4, skippedMessage: null });
    const result = lines.at(-1)!;
    expect(result).toMatchObject({ type: 'result', studyId: 1, status: 'completed', verdicts: null });
    expect(result['aggregates']).toHaveLength(2);

    const shown = JSON.parse(lab(['study', 'show', '1', '--json'], dataDir).stdout);
    expect(shown).toMatchObject({ runsCompleted: 4, comparisons: [{ a: 'loss=categoricalCrossentropy', b: 'loss=mse', metric: 'testAccuracy' }] });
    expect(lab(['study', 'show', '1'], dataDir).stdout).toContain("test accuracy, Welch's t-test:");
    expect(JSON.parse(lab(['study', 'list', '--json'], dataDir).stdout)).toMatchObject([{ id: 1, status: 'completed' }]);
    const cancel = lab(['study', 'cancel', '1'], dataDir);
    expect([cancel.status, cancel.stderr]).toEqual([1, 'loss-lab: study 1 is completed; it cannot be set to cancelled\n']);
  });

  it('exit codes: 0 help, 2 bad input with a one-line error, 3 diverged', () => {
    const dataDir = tempDir();
    for (const args of [['--help'], ['help', 'study', 'run'], ['runs', 'show', '--help'], ['--version']]) {
      const result = lab(args, dataDir);
      expect([result.status, result.stderr], args.join(' ')).toEqual([0, '']);
    }
    const badInput = [
      ['train', '--preset', 'nope'],
      ['train', '--epochs', 'x'],
      ['train', '--hiden-units', '8'],
      ['train', '--preset', 'example-1', '--loss', 'categoricalCrossentropy'],
      ['train', '--dataset', 'nope', '--epochs', '1'],
      ['runs', 'show', '42'],
      ['runs', 'export', '1'],
      ['study', 'run'],
      ['fly'],
    ];
    for (const args of badInput) {
      const result = lab(args, dataDir);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^loss-lab: /);
    }
    const diverged = lab(['train', ...small, '--optimizer', 'sgd', '--learning-rate', '10', '--hidden-activation', 'linear', '--output-activation', 'linear', '--loss', 'mse', '--train-size', '100'], dataDir);
    expect(diverged.status, diverged.stderr).toBe(3);
    expect(diverged.stdout).toMatch(/run 1 diverged on \w+ backend: the loss became non-finite/);
  });

  it('Ctrl-C stops a run: exit 130, the run stopped', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [...cli, 'train', ...small, '--epochs', '30', '--json', '--data-dir', dataDir], { cwd: root });
    for await (const line of createInterface({ input: child.stdout })) {
      if ((JSON.parse(line) as { type: string }).type === 'epoch') break;
    }
    child.kill('SIGINT');
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(130);
    const store = openStore(join(dataDir, 'loss-lab.db'));
    try {
      expect(store.listRuns()[0].status).toBe('stopped');
    } finally {
      store.close();
    }
  });

  it('a run killed mid-training is interrupted on reopen, its finished epochs intact', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, [...cli, 'train', ...small, '--epochs', '30', '--json', '--data-dir', dataDir], { cwd: root });
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
