import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { backendChoicesPath, readBackendChoice, shapeKey, writeBackendChoice } from '@core/training/backend/backend-choices';
import { cpuCandidate, wasmCandidate, type BackendCandidate } from '@core/training/backend/candidates';
import { createBackendSelector } from '@core/training/backend/select-backend';
import { fakeNativeCandidate, NATIVE_OP_ERROR } from '@support/fake-backends';
import { smallConfig } from '@support/training';

const dir = mkdtempSync(join(tmpdir(), 'loss-lab-backend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = smallConfig({ hiddenUnits: [32], batchSize: 64 });
const now = (): Date => new Date('2026-12-02T10:00:00Z');

/** `candidate` with a count of its loads: a choice read from the file loads only the backend it names. */
function counted(candidate: BackendCandidate): BackendCandidate & { loads: number } {
  const c = { ...candidate, loads: 0 };
  c.load = async () => {
    c.loads += 1;
    await candidate.load();
  };
  return c;
}

describe('the backend chosen by evidence', () => {
  it('skips a native backend whose ops throw and trains on wasm, saying why', async () => {
    const select = createBackendSelector({ candidates: [fakeNativeCandidate('throwing'), wasmCandidate, cpuCandidate], now });
    const chosen = await select({ config, choicesPath: null });
    expect(chosen.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(chosen.reason).toMatch(/^wasm: [\d.]+× faster than cpu here \([\d.]+ vs [\d.]+ ms a step, 784-32-10 batch 64\), measured 2026-12-02/);
    expect(chosen.reason).toContain(`tensorflow failed its smoke step: TypeError: ${NATIVE_OP_ERROR}`);
  });

  it('does not choose a native backend that passes its smoke step but is slower', async () => {
    const path = join(dir, 'slow.json');
    const select = createBackendSelector({ candidates: [fakeNativeCandidate('slow'), wasmCandidate], now, timedSteps: 3 });
    const chosen = await select({ config, choicesPath: path });
    expect(chosen.name).toBe('wasm');
    expect(chosen.reason).toMatch(/^wasm: [\d.]+× faster than tensorflow here/);
    const remembered = readBackendChoice(path, shapeKey(config));
    expect(remembered?.msPerStep.tensorflow).toBeGreaterThan(remembered?.msPerStep.wasm ?? Number.POSITIVE_INFINITY);
  });

  it('chooses a native backend that is faster, whatever the order of the candidates', async () => {
    const select = createBackendSelector({ candidates: [cpuCandidate, fakeNativeCandidate('wasm-speed')], now, timedSteps: 3 });
    const chosen = await select({ config: smallConfig({ hiddenUnits: [256], batchSize: 128 }), choicesPath: null });
    expect(chosen.name).toBe('tensorflow');
    expect(tf.getBackend()).toBe('tensorflow');
    expect(chosen.reason).toMatch(/^tensorflow: [\d.]+× faster than cpu here/);
  });

  it('honours a forced backend, and says when a forced backend failed its smoke step', async () => {
    const select = createBackendSelector({ candidates: [fakeNativeCandidate('throwing'), wasmCandidate, cpuCandidate], now });
    const forced = await select({ config, preferred: 'cpu', choicesPath: null });
    expect(forced).toEqual({ name: 'cpu', reason: 'cpu: forced (--backend or the backend setting); passed its smoke step' });
    expect(tf.getBackend()).toBe('cpu');
    const broken = await select({ config, preferred: 'tensorflow', choicesPath: null });
    expect(broken.name).toBe('wasm');
    expect(broken.reason).toContain(`tensorflow failed its smoke step: TypeError: ${NATIVE_OP_ERROR} (it was forced)`);
  });

  it('remembers the choice per machine and shape: a restarted process reads it and measures nothing', async () => {
    const path = backendChoicesPath(dir);
    const first = await createBackendSelector({ candidates: [wasmCandidate, cpuCandidate], now })({ config, choicesPath: path });
    const [wasm, cpu] = [counted(wasmCandidate), counted(cpuCandidate)];
    const restarted = createBackendSelector({ candidates: [cpu, wasm], now: () => new Date('2027-01-01T00:00:00Z') });
    const again = await restarted({ config, choicesPath: path });
    expect(again).toEqual(first);
    expect([wasm.loads, cpu.loads]).toEqual([1, 0]);
    // Another shape is measured on its first use, and both stay in the file.
    const other = smallConfig({ hiddenUnits: [8, 8], batchSize: 16 });
    await restarted({ config: other, choicesPath: path });
    expect(cpu.loads).toBe(1);
    expect(Object.keys(Object.values(JSON.parse(readFileSync(path, 'utf8')) as Record<string, object>)[0]).sort()).toEqual(
      [shapeKey(config), shapeKey(other)].sort(),
    );
  });

  it('measures again once a backend that was missing is installed', async () => {
    const path = join(dir, 'installed.json');
    writeBackendChoice(path, shapeKey(config), {
      backend: 'cpu',
      reason: 'cpu: remembered',
      measuredAt: '2026-01-01T00:00:00Z',
      msPerStep: { cpu: 1 },
      missing: ['tensorflow'],
    });
    const native: BackendCandidate = { ...fakeNativeCandidate('throwing'), installed: () => true };
    const chosen = await createBackendSelector({ candidates: [native, wasmCandidate, cpuCandidate], now })({ config, choicesPath: path });
    expect(chosen.name).toBe('wasm');
    expect(chosen.reason).toContain('tensorflow failed its smoke step');
    expect(readBackendChoice(path, shapeKey(config))?.missing).toEqual([]);
  });

  it('an unreadable choices file is an empty memory, and one that cannot be written is only reported', async () => {
    const warnings: string[] = [];
    const select = createBackendSelector({ candidates: [wasmCandidate], now, logger: { warn: (line) => warnings.push(line) } });
    const chosen = await select({ config, choicesPath: join(dir, 'no-such-dir', 'choices.json') });
    expect(chosen.name).toBe('wasm');
    expect(chosen.reason).toMatch(/^wasm: the only backend that passed its smoke step here/);
    expect(warnings).toEqual([expect.stringContaining('could not remember the backend choice')]);
  });

  it('fails, naming every reason, when no backend passes its smoke step', async () => {
    const broken: BackendCandidate = { name: 'wasm', load: () => Promise.reject(new Error('no WebAssembly here')) };
    const select = createBackendSelector({ candidates: [fakeNativeCandidate('throwing'), broken] });
    await expect(select({ config, choicesPath: null })).rejects.toThrow(
      `no TensorFlow.js backend passed its smoke step here: tensorflow failed its smoke step: TypeError: ${NATIVE_OP_ERROR}; wasm could not load: no WebAssembly here`,
    );
  });
});
