import { defineConfig } from '@playwright/test';

/**
 * Two hosts of the same renderer: browser mode in Debian's Chromium (server started by the global setup on a
 * free port with a fresh data dir), and the Electron app where its binary is installed.
 * `npm run test:e2e` builds first; screenshots of each view land in test-results/screens.
 */
export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/support/e2e/global-setup.ts',
  outputDir: 'test-results/artifacts',
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: { screenshot: 'only-on-failure', trace: 'retain-on-failure' },
  projects: [
    {
      name: 'browser-mode',
      testMatch: 'browser/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    { name: 'electron', testMatch: 'electron/**/*.spec.ts' },
  ],
});
