import { describe, expect, it } from 'vitest';
import { lab } from '@support/renderer/mock-api';
import { FakeLabError } from '@support/renderer/fake-api';
import { useRunTargetStore } from '@renderer/runs/run-target-store';

describe('useRunTargetStore', () => {
  it('says where runs go: this machine, or the queue by its redacted URL', async () => {
    lab.current.on('runTarget:get', () => ({ target: 'local', url: null, error: null }));
    lab.current.on('runTarget:set', () => ({ target: 'queue', url: 'redis://:***@lab-server:6379', error: null }));
    const store = useRunTargetStore();
    await store.load();
    expect(store.label).toBe('this machine');
    expect(await store.save('queue', 'redis://:s3cret@lab-server:6379')).toBe(true);
    expect(store.label).toBe('queue redis://:***@lab-server:6379');
  });

  it('keeps the target and shows why when the queue is refused', async () => {
    lab.current.on('runTarget:get', () => ({ target: 'local', url: null, error: null }));
    lab.current.on('runTarget:set', () => {
      throw new FakeLabError('unavailable', 'cannot reach the queue at redis://:***@lab-server:6379: connect ECONNREFUSED');
    });
    const store = useRunTargetStore();
    await store.load();
    expect(await store.save('queue', 'redis://:s3cret@lab-server:6379')).toBe(false);
    expect(store.saveError).toBe('cannot reach the queue at redis://:***@lab-server:6379: connect ECONNREFUSED');
    expect(store.label).toBe('this machine');
  });
});
