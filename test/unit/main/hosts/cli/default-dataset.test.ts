import { describe, expect, it } from 'vitest';
import { resolveDataset } from '@hosts/cli/default-dataset';
import { UsageError } from '@hosts/cli/usage-error';
import { buildApi } from '@shared/bridge';
import type { LabApi } from '@shared/contract';
import type { DatasetInfo } from '@shared/dataset-types';

const info = (id: string): DatasetInfo => ({ id, name: id, kind: 'embedded', trainSize: 1, testSize: 1, classNames: [], source: '', createdAt: '' });
/** An api over a transport that answers `datasets:list` and refuses anything else. */
const apiWith = (ids: string[]): LabApi =>
  buildApi({
    invoke: async (channel) =>
      channel === 'datasets:list' ? { ok: true, value: ids.map(info) } : { ok: false, error: { code: 'internal', message: `unexpected ${channel}` } },
    subscribe: () => () => {},
  });

describe('resolveDataset', () => {
  it('uses the dataset asked for, without looking', async () => {
    expect(await resolveDataset(apiWith([]), 'fashion')).toBe('fashion');
  });
  it('defaults to mnist when it is registered', async () => {
    expect(await resolveDataset(apiWith(['mnist-embedded', 'mnist']), undefined)).toBe('mnist');
  });
  it('otherwise says to pass --dataset mnist-embedded', async () => {
    const result = resolveDataset(apiWith(['mnist-embedded']), undefined);
    await expect(result).rejects.toBeInstanceOf(UsageError);
    await expect(result).rejects.toThrow('pass --dataset mnist-embedded');
  });
});
