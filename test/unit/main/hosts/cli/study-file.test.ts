import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readStudyFile } from '@hosts/cli/study-file';
import { findPreset } from '@shared/presets';

const dir = mkdtempSync(join(tmpdir(), 'loss-lab-study-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = findPreset('example-3')!.config;
const write = (name: string, content: unknown): string => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
};

describe('readStudyFile', () => {
  it('reads the studies:create shape, naming the study after the file and defaulting the dataset', () => {
    const path = write('lr-sweep.json', { base, factors: [{ field: 'learningRate', levels: [0.001, 0.01] }], seeds: 3 });
    expect(readStudyFile(path, {}, 'mnist')).toEqual({
      name: 'lr-sweep',
      datasetId: 'mnist',
      base,
      factors: [{ field: 'learningRate', levels: [0.001, 0.01] }],
      seeds: 3,
    });
  });

  it('lets --dataset, --seeds and --epochs override the file', () => {
    const path = write('s.json', { name: 'S', datasetId: 'fashion', base, factors: [], seeds: 3 });
    const study = readStudyFile(path, { datasetId: 'mnist-embedded', seeds: 2, epochs: 1 }, 'mnist');
    expect(study).toMatchObject({ name: 'S', datasetId: 'mnist-embedded', seeds: 2, base: { ...base, epochs: 1 } });
  });

  it('names the field that is wrong', () => {
    expect(() => readStudyFile(write('a.json', [1]), {}, 'mnist')).toThrow('a study file is a JSON object');
    expect(() => readStudyFile(write('b.json', { base, factors: [{ field: 'colour', levels: ['red'] }], seeds: 2 }), {}, 'mnist')).toThrow(
      /b\.json: factors\.0\.field: /,
    );
    expect(() => readStudyFile(write('c.json', { base: { ...base, loss: 'mse', outputRescale: 'tanhToUnit' }, factors: [], seeds: 2 }), {}, 'mnist')).toThrow(
      /c\.json: base\.outputRescale: the \(p \+ 1\) \/ 2 rescale/,
    );
    expect(() => readStudyFile(write('d.json', { base, factors: [] }), {}, 'mnist')).toThrow(/d\.json: seeds: /);
  });
});
