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

  it('says a run without a worker trained on this machine', () => {
    expect(shown(base)).toContain('Trained onthis machine');
  });
});
