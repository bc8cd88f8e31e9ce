// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createApp, nextTick } from 'vue';
import { getActivePinia } from 'pinia';
import { lab } from '@support/renderer/mock-api';
import { PRESETS } from '@shared/presets';
import { useLabStore } from '@renderer/app/lab-store';
import StudyCreateForm from '@renderer/studies/StudyCreateForm.vue';

async function typeInto(root: HTMLElement, testId: string, value: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`);
  if (!input) throw new Error(`no ${testId}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await nextTick();
}

describe('StudyCreateForm', () => {
  it('has an epochs field, starting at the base preset’s, that the created study’s runs use', async () => {
    let request: unknown = null;
    lab.current.on('studies:create', (r) => {
      request = r;
      throw new Error('stop here');
    });
    const pinia = getActivePinia();
    if (!pinia) throw new Error('no pinia');
    useLabStore().presets = [...PRESETS];
    const root = document.createElement('div');
    const app = createApp(StudyCreateForm, { datasetId: 'mnist-embedded' }).use(pinia);
    app.mount(root);
    await nextTick();

    const epochs = root.querySelector<HTMLInputElement>('[data-testid="study-epochs"]');
    expect(epochs?.value).toBe(String(PRESETS[0].config.epochs));
    await typeInto(root, 'study-name', 'short study');
    await typeInto(root, 'study-epochs', '0');
    expect(root.textContent).toContain('epochs must be a whole number from 1 to 200');
    expect(root.querySelector<HTMLButtonElement>('[data-testid="create-study"]')?.disabled).toBe(true);

    await typeInto(root, 'study-epochs', '2');
    root.querySelector('form')?.dispatchEvent(new Event('submit'));
    await new Promise((r) => setTimeout(r, 0));
    expect(request).toMatchObject({ name: 'short study', base: { epochs: 2 } });
    app.unmount();
  });
});
