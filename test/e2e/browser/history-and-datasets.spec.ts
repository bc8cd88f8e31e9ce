/** History edits (rename, notes, delete) persist in the core; the Datasets view imports IDX folders or says why not. */
import { existsSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../screens';
import { goTo, openLab, trainRun } from './lab-page';

/** Debian's dataset-fashion-mnist package installs the four gzipped IDX files here. */
const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
const MISSING_DIR = '/nonexistent/loss-lab-e2e-idx';

test.describe.serial('History: rename, notes, delete', () => {
  let page: Page;
  let runId = 0;
  const row = (): ReturnType<Page['locator']> => page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
    runId = await trainRun(page, { presetId: 'example-1', epochs: 1, name: 'e2e history: before rename' });
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('a renamed run with a note keeps both after a reload', async ({}, testInfo) => {
    await goTo(page, 'history');
    await row().getByTestId('run-name-edit').click();
    await row().getByTestId('run-name-input').fill('e2e history: renamed');
    await row().getByTestId('run-name-input').press('Enter');
    await expect(row().getByTestId('run-name')).toHaveText('e2e history: renamed');

    await row().getByTestId('run-notes').click();
    await row().getByTestId('run-notes-input').fill('tanh + MSE, one epoch: a note from the e2e spec');
    await page.getByRole('heading', { name: 'History' }).click(); // blur saves
    await expect(row().getByTestId('run-notes')).toHaveText('tanh + MSE, one epoch: a note from the e2e spec');

    await page.reload();
    await expect(row().getByTestId('run-name')).toHaveText('e2e history: renamed');
    await expect(row().getByTestId('run-notes')).toHaveText('tanh + MSE, one epoch: a note from the e2e spec');
    await expect(page.getByTestId('runs-filter')).toBeVisible();
    await page.getByTestId('runs-filter').fill('note from the e2e');
    await expect(page.getByTestId('run-row')).toHaveCount(1);
    await saveScreen(page, testInfo, 'history-edited');
    await page.getByTestId('runs-filter').fill('');
  });

  test('delete asks first; confirmed, the run is gone for good', async () => {
    await row().getByTestId('run-delete').click();
    await expect(page.getByTestId('confirm-dialog')).toContainText('e2e history: renamed');
    await page.getByTestId('confirm-cancel').click();
    await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
    await expect(row()).toBeVisible();

    await row().getByTestId('run-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect(row()).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('runs-table').or(page.getByTestId('empty'))).toBeVisible();
    await expect(row()).toHaveCount(0);
  });
});

test.describe.serial('Datasets: IDX import', () => {
  let page: Page;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('a path that does not exist shows the reader’s error and registers nothing', async ({}, testInfo) => {
    await goTo(page, 'datasets');
    const rows = page.getByTestId('dataset-row');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();

    await page.getByTestId('import-paths').fill(MISSING_DIR);
    await page.getByTestId('import').click();
    const error = page.getByTestId('import-error');
    await expect(error).toContainText(MISSING_DIR);
    await expect(error).toContainText('not found');
    await expect(error).toContainText('train-images');
    await saveScreen(page, testInfo, 'datasets-import-error');

    await page.reload();
    await expect(rows.first()).toBeVisible();
    await expect(rows).toHaveCount(before);
    await expect(page.getByTestId('datasets-table')).not.toContainText(MISSING_DIR);
  });

  test('the Fashion-MNIST folder imports 60,000 + 10,000 images and becomes choosable for runs', async ({}, testInfo) => {
    test.skip(!existsSync(FASHION_DIR), `${FASHION_DIR} is absent (Debian package dataset-fashion-mnist not installed)`);
    test.setTimeout(180_000);
    await goTo(page, 'datasets');
    await page.getByTestId('import-paths').fill(FASHION_DIR);
    await page.getByTestId('import-name').fill('Fashion-MNIST (e2e)');
    await page.getByTestId('import').click();

    const row = page.getByTestId('dataset-row').filter({ hasText: 'Fashion-MNIST (e2e)' });
    await expect(row).toHaveCount(1, { timeout: 150_000 });
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await expect(row.locator('td.num')).toHaveText(['60,000', '10,000']);
    await expect(row).toContainText('T-shirt/top');
    await expect(row).toContainText(FASHION_DIR);
    await saveScreen(page, testInfo, 'datasets');

    await goTo(page, 'experiment');
    const option = page.getByTestId('dataset').locator('option', { hasText: 'Fashion-MNIST (e2e)' });
    await expect(option).toHaveCount(1);
    const id = await option.getAttribute('value');
    expect(id).toBeTruthy();
    await page.getByTestId('dataset').selectOption(id ?? '');
    await expect(page.getByTestId('dataset')).toHaveValue(id ?? '');
  });
});
