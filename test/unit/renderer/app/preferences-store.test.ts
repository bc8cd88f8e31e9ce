// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick } from 'vue';
import { lab } from '@support/renderer/mock-api';
import { runSummary } from '@support/renderer/fixtures';
import { usePreferencesStore } from '@renderer/app/preferences-store';
import { useRunsStore } from '@renderer/runs/runs-store';
import { createPinia, setActivePinia } from 'pinia';

beforeEach(() => localStorage.clear());

/** A fresh Pinia stands for a reload: state comes back only from localStorage. */
const reload = (): void => {
  setActivePinia(createPinia());
};

describe('preferences kept across reloads', () => {
  it('remembers the theme choice and the loss-curve view', async () => {
    const prefs = usePreferencesStore();
    expect(prefs.themeChoice).toBe('system');
    prefs.cycleTheme();
    prefs.curveView.scale = 'log';
    prefs.curveView.normalise = true;
    await nextTick();
    reload();
    const again = usePreferencesStore();
    expect(again.themeChoice).toBe('light');
    expect(again.theme).toBe('light');
    expect(again.curveView).toMatchObject({ scale: 'log', normalise: true });
  });

  it('ignores a stored value of the wrong shape', () => {
    localStorage.setItem('loss-lab.curve-view', '{"scale":"cubic"}');
    localStorage.setItem('loss-lab.theme', '"purple"');
    const prefs = usePreferencesStore();
    expect(prefs.curveView.scale).toBe('linear');
    expect(prefs.themeChoice).toBe('system');
  });

  it('remembers the History overlay, dropping runs deleted since', async () => {
    lab.current.on('runs:get', (req) => ({
      ...runSummary((req as { runId: number }).runId),
      config: {} as never,
      epochs: [],
      evaluation: null,
      error: null,
      hasModel: false,
    }));
    const runs = useRunsStore();
    await runs.toggleSelected(1);
    await runs.toggleSelected(2);
    await nextTick();
    reload();
    lab.current.on('runs:list', () => [runSummary(2), runSummary(3)]);
    const again = useRunsStore();
    expect(again.selected).toEqual([1, 2]);
    await again.load();
    expect(again.selected).toEqual([2]);
    expect(again.selectedDetails.map((d) => d.id)).toEqual([2]);
  });
});
