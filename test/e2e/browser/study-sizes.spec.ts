/**
 * Issue 8: "the Studies view offers the size factor and draws accuracy vs size". The seed-article study with
 * training-set sizes 200 and 500 on the embedded sample, 1 seed × 1 epoch (5 presets × 2 sizes = 10 runs),
 * then the accuracy-vs-size chart shows both sizes on its axis and the verdicts are grouped per size.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { goTo, openLab } from '../../support/e2e/lab-page';

test.describe.serial('a seed-article study with a training-set-size factor', () => {
  test.setTimeout(300_000);
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('sizes 200 and 500 run and the chart draws accuracy vs size with both on its axis', async ({}, testInfo) => {
    await goTo(page, 'studies');
    await page.getByTestId('study-dataset').selectOption('mnist-embedded');
    await page.getByTestId('builtin-seeds').fill('1');
    await page.getByTestId('builtin-epochs').fill('1');
    await page.getByTestId('builtin-sizes').fill('500, 200');
    await page.getByTestId('start-builtin').click();

    await expect(page).toHaveURL(/#\/studies\/\d+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seed article: 1 seeds × 1 epochs × train sizes 200 / 500');
    const progress = page.getByTestId('study-progress');
    await expect(progress).toContainText('10 of 10 runs finished (10 completed, 0 other)', { timeout: 240_000 });

    const chart = page.getByTestId('size-chart');
    await expect(chart).toBeVisible();
    const labels = await chart.locator('svg text').allTextContents();
    expect(labels).toContain('200');
    expect(labels).toContain('500');
    expect(labels).toContain('training-set size (log scale)');

    // each claim judged once per size, smallest first
    const groups = page.getByTestId('verdict-group');
    await expect(groups).toHaveCount(2);
    await expect(groups.nth(0)).toHaveAttribute('data-size', '200');
    await expect(groups.nth(1)).toHaveAttribute('data-size', '500');
    await expect(page.getByTestId('verdict')).toHaveCount(8);
    await expect(page.getByTestId('signal-chart-first')).toBeVisible();
    await saveScreen(page, testInfo, 'study-sizes');
  });

  test('an invalid size list is refused before anything starts', async () => {
    await goTo(page, 'studies');
    await page.getByTestId('builtin-sizes').fill('200, abc');
    await expect(page.getByTestId('start-builtin')).toBeDisabled();
    await page.getByTestId('builtin-sizes').fill('50');
    await expect(page.getByTestId('start-builtin')).toBeDisabled();
    await page.getByTestId('builtin-sizes').fill('');
    await expect(page.getByTestId('start-builtin')).toBeEnabled();
  });
});
