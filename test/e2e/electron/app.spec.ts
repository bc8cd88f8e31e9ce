import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { fillExperiment } from '../../support/e2e/lab-page';
import { saveScreen } from '../../support/e2e/screens';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ELECTRON_DIST = join(ROOT, 'node_modules', 'electron', 'dist');
const NATIVE_DIR = join(ROOT, '.electron-native');
/** An installed or unpacked build (`dist/linux-unpacked/loss-lab`, …) to test instead of the project: CI sets it after `npm run dist`. */
const PACKAGED = process.env['LOSS_LAB_ELECTRON_EXECUTABLE'] ?? null;

test('trains preset example-3 for one epoch in the Electron app', async ({}, testInfo) => {
  test.skip(
    PACKAGED === null && !existsSync(ELECTRON_DIST),
    `Electron binary not installed (node_modules/electron/dist missing): run \`node scripts/ensure-electron.mjs\` with network access.`,
  );
  test.skip(
    PACKAGED === null && !existsSync(NATIVE_DIR),
    'No Electron build of better-sqlite3 (.electron-native/ missing): run `node scripts/ensure-electron.mjs`.',
  );
  const userData = mkdtempSync(join(tmpdir(), 'loss-lab-electron-'));
  const app = await electron.launch(
    PACKAGED !== null
      ? { executablePath: PACKAGED, args: [`--user-data-dir=${userData}`] }
      : { args: [join(ROOT, 'out', 'main', 'index.js'), `--user-data-dir=${userData}`], cwd: ROOT },
  );
  try {
    const page = await app.firstWindow();
    await expect(page.getByTestId('backend')).toHaveText(/^(tensorflow|wasm|cpu)$/);
    // Through the UI, as a person would: the preload's api carries the request and the epoch events.
    await fillExperiment(page, { presetId: 'example-3', epochs: 1, name: 'electron smoke' });
    await page.getByTestId('start').click();
    await expect(page.getByTestId('live-charts')).toHaveAttribute('data-epochs', '1', { timeout: 90_000 });
    await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 90_000 });
    await saveScreen(page, testInfo, 'after-epoch');
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
