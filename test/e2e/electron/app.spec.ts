import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import type { LabApi } from '../../../src/shared/contract';
import { saveScreen } from '../screens';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ELECTRON_DIST = join(ROOT, 'node_modules', 'electron', 'dist');
const NATIVE_DIR = join(ROOT, '.electron-native');

test('trains preset example-3 for one epoch in the Electron app', async ({}, testInfo) => {
  test.skip(
    !existsSync(ELECTRON_DIST),
    `Electron binary not installed (node_modules/electron/dist missing): run \`node scripts/ensure-electron.mjs\` with network access.`,
  );
  test.skip(!existsSync(NATIVE_DIR), 'No Electron build of better-sqlite3 (.electron-native/ missing): run `node scripts/ensure-electron.mjs`.');
  const userData = mkdtempSync(join(tmpdir(), 'loss-lab-electron-'));
  const app = await electron.launch({ args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`], cwd: ROOT });
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('backend')).toHaveText(/^(tensorflow|wasm|cpu)$/);
    // Through the preload's api (the same one the UI uses), so the spec does not depend on form layout.
    const firstEpoch = await page.evaluate(async () => {
      const { api } = globalThis as { api?: LabApi };
      if (!api) throw new Error('window.api missing: the preload did not load');
      const [preset] = (await api.presets.list()).filter((p) => p.id === 'example-3');
      const epoch = new Promise<number>((done) => {
        const off = api.runs.onEpoch((payload) => {
          off();
          done(payload.metrics.epoch);
        });
      });
      await api.runs.start({ config: { ...preset.config, epochs: 1 }, datasetId: 'mnist-embedded', presetId: preset.id });
      return epoch;
    });
    expect(firstEpoch).toBe(1);
    await saveScreen(page, testInfo, 'after-epoch');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
