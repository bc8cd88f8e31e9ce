import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { useBackend } from '../../../../bench/sections/throughput';

const nativeInstalled = ((): boolean => {
  try {
    createRequire(import.meta.url).resolve('@tensorflow/tfjs-node');
    return true;
  } catch {
    return false;
  }
})();

describe("the bench's backends", () => {
  it.skipIf(nativeInstalled)('says why there are no tfjs-node rows where tfjs-node is not installed', async () => {
    expect(await useBackend('tensorflow')).toEqual({
      ok: false,
      why: 'tensorflow: could not load: not installed here (@tensorflow/tfjs-node does not resolve); no tensorflow rows',
    });
  });

  it('makes a backend that loads active', async () => {
    expect(await useBackend('wasm')).toEqual({ ok: true });
  });
});
