/** Commands run in-process (the CLI's `runCommandLine`), stdout captured: fast enough to train in. */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from '@support/cli';
import { runInProcess as lab } from '@support/cli-in-process';

afterAll(removeTempDirs);

const jsonLines = (stdout: string): Record<string, unknown>[] => stdout.split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
/** Human output is read in a terminal 100 columns wide. */
const fits = (text: string): void => {
  for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
};
/** A small, fast model on the embedded digits. */
const small = ['--dataset', 'mnist-embedded', '--hidden-units', '32', '--batch-size', '64', '--epochs', '1'];

describe('lab commands', () => {
  it('runs show --config → train --config reproduces the run exactly; compare, export, delete, list filters', async () => {
    const dataDir = tempDir();
    const first = await lab(['train', '--preset', 'example-1', ...small, '--learning-rate', '0.005', '--seed', '3', '--json'], dataDir);
    expect(first.error).toBeNull();
    const shown = await lab(['runs', 'show', '1', '--config'], dataDir);
    expect(JSON.parse(shown.stdout)).toMatchObject({ datasetId: 'mnist-embedded', config: { learningRate: 0.005, seed: 3, hiddenUnits: [32] } });
    const file = join(dataDir, 'run.json');
    writeFileSync(file, shown.stdout);
    const again = await lab(['train', '--config', file, '--json'], dataDir);
    expect(again.code, again.error ?? '').toBe(0);
    const metrics = (stdout: string) => jsonLines(stdout).map(({ runId: _, seconds: __, samplesPerSecond: ___, ...rest }) => rest);
    expect(metrics(again.stdout)).toEqual(metrics(first.stdout));
    expect(jsonLines(again.stdout).at(-1)).toMatchObject({ type: 'evaluation', runId: 2, status: 'completed' });

    expect(JSON.parse((await lab(['runs', 'compare', '1', '2', '--json'], dataDir)).stdout)).toMatchObject({ a: { id: 1 }, b: { id: 2 }, differences: [] });
    const compared = (await lab(['runs', 'compare', '1', '2'], dataDir)).stdout;
    expect(compared).toMatch(/^epoch\s+loss 1\s+loss 2\s+val acc 1/m);
    fits(compared);
    fits((await lab(['runs', 'show', '1'], dataDir)).stdout);
    fits((await lab(['runs', 'list'], dataDir)).stdout);
    const out = join(dataDir, 'model');
    const exported = await lab(['runs', 'export', '1', '--out', out, '--json'], dataDir);
    expect(JSON.parse(exported.stdout).files).toContain(join(out, 'model.json'));
    expect(existsSync(join(out, 'weights.bin'))).toBe(true);
    expect(await lab(['runs', 'delete', '2'], dataDir)).toEqual({ code: 0, stdout: 'deleted run 2', error: null });
    const ids = async (...filters: string[]) =>
      JSON.parse((await lab(['runs', 'list', ...filters, '--json'], dataDir)).stdout).map((r: { id: number }) => r.id);
    expect(await ids('--status', 'completed,failed')).toEqual([1]);
    expect(await ids('--status', 'failed')).toEqual([]);
    expect(await ids('--dataset', 'other')).toEqual([]);
    expect(await ids('--limit', '1')).toEqual([1]);
  });

  it('runs a study from a JSON file: 2 configurations × 2 seeds × 1 epoch', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'study.json');
    const base = {
      hiddenUnits: [32],
      hiddenActivation: 'relu',
      outputActivation: 'softmax',
      loss: 'categoricalCrossentropy',
      targetEncoding: 'oneHot01',
      outputRescale: 'none',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 64,
      epochs: 1,
      validationSplit: 0.1,
      seed: 1,
      initializer: 'glorotUniform',
    };
    const factors = [
      { field: 'loss', levels: ['mse', 'categoricalCrossentropy'] },
      { field: 'outputActivation', levels: ['softmax', 'tanh'] },
    ];
    writeFileSync(file, JSON.stringify({ name: 'loss study', datasetId: 'mnist-embedded', base, factors: factors.slice(0, 1), seeds: 2 }));

    const dry = await lab(['study', 'run', '--config', file, '--dry-run', '--json'], dataDir);
    expect(jsonLines(dry.stdout).map((l) => [l['type'], l['key'], l['seed']])).toEqual([
      ['run', 'loss=mse', 1],
      ['run', 'loss=categoricalCrossentropy', 1],
      ['run', 'loss=mse', 2],
      ['run', 'loss=categoricalCrossentropy', 2],
    ]);
    writeFileSync(join(dataDir, 'skips.json'), JSON.stringify({ name: 's', base, factors, seeds: 1 }));
    const skips = await lab(['study', 'run', '--config', join(dataDir, 'skips.json'), '--dry-run'], dataDir);
    expect(skips.stdout).toMatch(
      /3 configurations × 1 seed = 3 runs[\s\S]*1 combination skipped \(cannot train\):\n {2}loss categoricalCrossentropy · output tanh: categorical cross-entropy takes the log/,
    );
    expect(JSON.parse((await lab(['study', 'list', '--json'], dataDir)).stdout)).toEqual([]);

    const run = await lab(['study', 'run', '--config', file, '--workers', '2', '--json'], dataDir);
    expect(run.code, run.error ?? '').toBe(0);
    const lines = jsonLines(run.stdout);
    expect(lines[0]).toMatchObject({ type: 'study', id: 1, name: 'loss study', runsTotal: 4, skippedMessage: null });
    expect(lines.at(-1)).toMatchObject({ type: 'result', studyId: 1, status: 'completed', verdicts: null, aggregates: [{ runs: 2 }, { runs: 2 }] });

    const shown = JSON.parse((await lab(['study', 'show', '1', '--json'], dataDir)).stdout);
    expect(shown).toMatchObject({ runsCompleted: 4, comparisons: [{ a: 'loss=categoricalCrossentropy', b: 'loss=mse', metric: 'testAccuracy' }] });
    const report = (await lab(['study', 'show', '1'], dataDir)).stdout;
    expect(report).toContain('test accuracy against "loss mse", paired by seed:');
    expect(report).toMatch(/^loss categoricalCrossentropy\s+paired, n=2\s+[+-]\d+\.\d+ pts\s+\[/m);
    fits(report);
    fits(skips.stdout);
    expect(JSON.parse((await lab(['study', 'list', '--json'], dataDir)).stdout)).toMatchObject([{ id: 1, status: 'completed' }]);
    expect(await lab(['study', 'cancel', '1'], dataDir)).toMatchObject({ code: 1, error: 'study 1 is completed; it cannot be set to cancelled' });
    expect(await lab(['study', 'resume', '1'], dataDir)).toMatchObject({ code: 1, error: 'study 1 is completed; it cannot be set to running' });
  });

  it('exit codes: 0 help, 2 bad input, 1 a refused action, 3 a diverged run', async () => {
    const dataDir = tempDir();
    for (const args of [['--help'], ['help', 'study', 'run'], ['runs', 'show', '--help'], ['study'], ['--version']]) {
      expect(await lab(args, dataDir), args.join(' ')).toMatchObject({ code: 0, error: null, stdout: expect.stringMatching(/\S/) });
    }
    const badInput = [
      ['train', '--preset', 'nope'],
      ['train', '--epochs', 'x'],
      ['train', '--hiden-units', '8'],
      ['train', '--preset', 'example-1', '--loss', 'categoricalCrossentropy'],
      ['train', '--dataset', 'nope', '--epochs', '1'],
      ['runs', 'show', '42'],
      ['runs', 'show', 'x'],
      ['runs', 'export', '1'],
      ['study', 'run'],
      ['study', 'show', '7'],
      ['fly'],
    ];
    for (const args of badInput) {
      const outcome = await lab(args, dataDir);
      expect(outcome.code, args.join(' ')).toBe(2);
      expect(outcome.error).not.toContain('\n');
    }
    const diverging = [
      '--optimizer',
      'sgd',
      '--learning-rate',
      '10',
      '--hidden-activation',
      'linear',
      '--output-activation',
      'linear',
      '--loss',
      'mse',
      '--train-size',
      '2000',
    ];
    const diverged = await lab(['train', ...small, ...diverging], dataDir);
    expect(diverged.code, diverged.error ?? '').toBe(3);
    expect(diverged.stdout).toMatch(/run 1 diverged on \w+ backend: the loss became non-finite/);
  });
});
