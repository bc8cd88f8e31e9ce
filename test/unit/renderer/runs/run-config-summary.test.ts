// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createApp } from 'vue';
import RunConfigSummary from '@renderer/runs/RunConfigSummary.vue';
import { findPreset } from '@shared/presets';
import type { RunDetail } from '@shared/run-types';
import { runSummary } from '@support/renderer/fixtures';

function shown(run: RunDetail): string {
  const root = document.createElement('div');
  createApp(RunConfigSummary, { run }).mount(root);
  return root.textContent ?? '';
}

describe('RunConfigSummary', () => {
  const base: RunDetail = { ...runSummary(3), config: findPreset('example-3')!.config, epochs: [], evaluation: null, error: null, hasModel: false };

  it('names the queue worker that trained a run', () => {
    expect(shown({ ...base, worker: { host: 'lab-workstation', version: '0.1.0' } })).toContain('Trained onlab-workstation (queue worker, Loss Lab 0.1.0)');
  });

  it('says why the run trained on its backend, or that the reason was not recorded', () => {
    const reason = 'wasm: 1.6× faster than tensorflow here (1.10 vs 1.76 ms a step, 784-128-10 batch 32), measured 2026-12-02';
    const squeezed = (run: RunDetail): string => shown(run).replace(/\s+/g, ' ');
    expect(squeezed({ ...base, backend: 'wasm', backendReason: reason })).toContain(`Backendwasm why: ${reason}`);
    expect(squeezed({ ...base, backend: 'wasm', backendReason: null })).toContain('Backendwasm why: not recorded (trained before Loss Lab kept the reason)');
    expect(squeezed({ ...base, backend: null, backendReason: null })).toContain('Backend—Trained on');
  });

  it('says a run without a worker trained on this machine', () => {
    expect(shown(base)).toContain('Trained onthis machine');
  });
});
