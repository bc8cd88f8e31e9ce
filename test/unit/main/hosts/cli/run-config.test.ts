import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '@hosts/cli/commands';
import { OptionReader } from '@hosts/cli/options/option-reader';
import { parseCommandLine } from '@hosts/cli/options/parse-command-line';
import { resolveRunConfig } from '@hosts/cli/run-config';
import { incompatibility, type ModelConfig } from '@shared/model-config';
import { findPreset } from '@shared/presets';

const dir = mkdtempSync(join(tmpdir(), 'loss-lab-run-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};
const resolve = (...argv: string[]) => {
  const line = parseCommandLine(['train', ...argv], COMMANDS);
  if (line.kind !== 'run') throw new Error('not a command');
  return resolveRunConfig(new OptionReader(line.options));
};
const preset = (id: string): ModelConfig => findPreset(id)!.config;

describe('resolveRunConfig', () => {
  it('starts from example-3, or the --preset given, and keeps the preset id while only epochs and seed change', () => {
    expect(resolve()).toMatchObject({ config: preset('example-3'), presetId: 'example-3' });
    expect(resolve('--preset', 'example-1', '--epochs', '2', '--seed', '9')).toMatchObject({
      config: { ...preset('example-1'), epochs: 2, seed: 9 },
      presetId: 'example-1',
    });
  });

  it('keeps the preset id on a smaller training set, as a study with a size factor does', () => {
    expect(resolve('--preset', 'example-2', '--train-size', '1000')).toMatchObject({
      config: { ...preset('example-2'), trainSize: 1000 },
      presetId: 'example-2',
    });
    expect(resolve('--preset', 'example-2', '--validation-split', '0.1').presetId).toBeUndefined();
  });

  it('lets every flag override the base, and forgets the preset once the model differs', () => {
    const run = resolve('--preset', 'example-1', '--learning-rate', '0.01', '--hidden-units', '64,32', '--target-encoding', 'oneHotPlusMinus1');
    expect(run.config).toEqual({ ...preset('example-1'), learningRate: 0.01, hiddenUnits: [64, 32], targetEncoding: 'oneHotPlusMinus1' });
    expect(run.presetId).toBeUndefined();
  });

  it('reads a run file over the preset, flags over the file', () => {
    const path = file('run.json', { datasetId: 'mnist-embedded', config: { ...preset('example-2'), seed: 4 } });
    expect(resolve('--config', path)).toMatchObject({ config: { ...preset('example-2'), seed: 4 }, datasetId: 'mnist-embedded', presetId: undefined });
    expect(resolve('--config', path, '--seed', '5').config.seed).toBe(5);
    const partial = file('partial.json', { config: { loss: 'mse', outputActivation: 'tanh' } });
    expect(resolve('--config', partial).config).toEqual({ ...preset('example-3'), loss: 'mse', outputActivation: 'tanh' });
  });

  it('explains an impossible combination as the form does, naming the flag', () => {
    const config = { ...preset('example-1'), loss: 'categoricalCrossentropy' as const };
    expect(() => resolve('--preset', 'example-1', '--loss', 'categoricalCrossentropy')).toThrow(
      `invalid model config: --loss: ${incompatibility(config)?.message}`,
    );
    expect(() => resolve('--output-rescale', 'tanhToUnit')).toThrow(/--output-rescale: the \(p \+ 1\) \/ 2 rescale maps tanh outputs/);
  });

  it('refuses a file that is not a run file, in one line', () => {
    expect(() => resolve('--config', join(dir, 'missing.json'))).toThrow(/^cannot read .*missing\.json/);
    expect(() => resolve('--config', file('bad.json', '{'))).toThrow(/bad\.json is not JSON/);
    expect(() => resolve('--config', file('typo.json', { config: { learningRat: 0.1 } }))).toThrow(
      'config.learningRat is not a model setting (did you mean learningRate?)',
    );
    expect(() => resolve('--config', file('extra.json', { config: {}, colour: 'red' }))).toThrow(/extra\.json: .*colour/);
    expect(() => resolve('--config', file('range.json', { config: { epochs: 0 } }))).toThrow(/epochs \(from .*range\.json\): /);
  });
});
