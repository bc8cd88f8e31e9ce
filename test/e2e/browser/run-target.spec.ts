/** "Run on: this machine / queue": refusals shown, the saved queue URL only ever shown redacted (a real redis-server). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startTestRedis, type TestRedis } from '../../support/redis-server';
import { e2eServer } from '../../support/e2e/server-env';
import { goTo, openLab } from '../../support/e2e/lab-page';

async function choose(page: Page, url: string): Promise<void> {
  if (!(await page.getByTestId('run-target-form').isVisible())) await page.getByTestId('run-target-change').click();
  await page.getByTestId('run-target-queue').check();
  await page.getByTestId('run-target-url').fill(url);
  await page.getByTestId('run-target-save').click();
}

test.describe.serial('Run on', () => {
  let page: Page;
  let redis: TestRedis;
  test.beforeAll(async ({ browser }, testInfo) => {
    redis = await startTestRedis();
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
    await redis.stop();
  });

  test('an unreachable queue is refused, naming the URL redacted, and runs stay on this machine', async () => {
    await goTo(page, 'experiment');
    await expect(page.getByTestId('run-target')).toHaveText('Runs on: this machine');
    await choose(page, `redis://:not-the-pw-42@127.0.0.1:${redis.port + 1}`);
    const error = page.getByTestId('run-target-error');
    await expect(error).toContainText(`cannot reach the queue at redis://:***@127.0.0.1:${redis.port + 1}`, { timeout: 20_000 });
    await expect(error).not.toContainText('not-the-pw-42');
    await expect(page.getByTestId('run-target')).toHaveText('Runs on: this machine');
  });

  test('a queue URL without a password is refused', async () => {
    await choose(page, `redis://127.0.0.1:${redis.port}`);
    await expect(page.getByTestId('run-target-error')).toContainText('has no password');
    await expect(page.getByTestId('run-target')).toHaveText('Runs on: this machine');
  });

  test('a saved queue is shown redacted, also after a reload, and its password is not in the settings file', async () => {
    await choose(page, redis.url);
    const shown = `Runs on: queue redis://:***@127.0.0.1:${redis.port}`;
    await expect(page.getByTestId('run-target')).toHaveText(shown, { timeout: 20_000 });
    await page.reload();
    await goTo(page, 'studies');
    await expect(page.getByTestId('run-target')).toHaveText(shown);
    await page.getByTestId('run-target-change').click();
    await expect(page.getByTestId('run-target-url')).toHaveValue(`redis://:***@127.0.0.1:${redis.port}`);
    expect(await page.content()).not.toContain(redis.password);
    expect(readFileSync(join(e2eServer().dataDir, 'run-target.json'), 'utf8')).not.toContain(redis.password);

    // Back to this machine for the other specs; the queue URL stays saved, redacted.
    await page.getByTestId('run-target-local').check();
    await page.getByTestId('run-target-save').click();
    await expect(page.getByTestId('run-target')).toHaveText('Runs on: this machine');
  });
});
