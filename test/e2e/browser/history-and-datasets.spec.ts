/**
 * History edits (rename, notes, delete) persist in the core; a model exports as a zip download; the Datasets view
 * uploads the four IDX files and imports them, or says why not. No path is ever typed into the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { goTo, openLab, trainRun } from '../../support/e2e/lab-page';

/** Debian's dataset-fashion-mnist package installs the four gzipped IDX files here. */
const FASHION_DIR = '/usr/share/datasets/fashion-mnist';
const FASHION_FILES = ['train-images-idx3-ubyte.gz', 'train-labels-idx1-ubyte.gz', 't10k-images-idx3-ubyte.gz', 't10k-labels-idx1-ubyte.gz'];

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

  test('the model exports as a zip download of model.json and weights.bin', async () => {
    await page.goto(`${page.url().split('#')[0]}#/runs/${runId}`);
    const download = page.waitForEvent('download');
    await page.getByTestId('export-model').click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`run-${runId}-model.zip`);
    const entries = unzipSync(readFileSync(await file.path()));
    expect(Object.keys(entries).sort()).toEqual(['model.json', 'weights.bin']);
    await expect(page.getByTestId('export-result')).toHaveText(`Downloaded run-${runId}-model.zip`);
    await goTo(page, 'history');
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

  test('an upload that is not an IDX set shows the reader’s error and registers nothing', async ({}, testInfo) => {
    await goTo(page, 'datasets');
    const rows = page.getByTestId('dataset-row');
    await expect(rows.first()).toBeVisible();
    const before = await rows.count();

    const junk = (name: string) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from('not an IDX file') });
    await page.getByTestId('import-files').setInputFiles(['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte'].map(junk));
    await page.getByTestId('import-name').fill('Broken upload (e2e)');
    await page.getByTestId('import').click();
    const error = page.getByTestId('import-error');
    await expect(error).toContainText('t10k-labels-idx1-ubyte');
    await expect(error).toContainText('missing file');
    await saveScreen(page, testInfo, 'datasets-import-error');

    await page.reload();
    await expect(rows.first()).toBeVisible();
    await expect(rows).toHaveCount(before);
    await expect(page.getByTestId('datasets-table')).not.toContainText('Broken upload (e2e)');
  });

  test('the four Fashion-MNIST files upload, import 60,000 + 10,000 images and become choosable for runs', async ({}, testInfo) => {
    test.skip(!existsSync(FASHION_DIR), `${FASHION_DIR} is absent (Debian package dataset-fashion-mnist not installed)`);
    test.setTimeout(180_000);
    await goTo(page, 'datasets');
    await page.getByTestId('import-files').setInputFiles(FASHION_FILES.map((f) => join(FASHION_DIR, f)));
    await page.getByTestId('import-name').fill('Fashion-MNIST (e2e)');
    await page.getByTestId('import').click();

    const row = page.getByTestId('dataset-row').filter({ hasText: 'Fashion-MNIST (e2e)' });
    await expect(row).toHaveCount(1, { timeout: 150_000 });
    await expect(page.getByTestId('import-error')).toHaveCount(0);
    await expect(row.locator('td.num')).toHaveText(['60,000', '10,000']);
    await expect(row).toContainText('T-shirt/top');
    await expect(row).toContainText('uploaded from the browser: t10k-images-idx3-ubyte.gz');
    await saveScreen(page, testInfo, 'datasets');

    await goTo(page, 'experiment');
    const option = page.getByTestId('dataset').locator('option', { hasText: 'Fashion-MNIST (e2e)' });
    await expect(option).toHaveCount(1);
    const id = await option.getAttribute('value');
    expect(id).toBeTruthy();
    await page.getByTestId('dataset').selectOption(id ?? '');
    await expect(page.getByTestId('dataset')).toHaveValue(id ?? '');
  });
  test('the imported set is deleted through the dialog, with the run trained on it; the built-ins offer no Delete', async ({}, testInfo) => {
    test.skip(!existsSync(FASHION_DIR), `${FASHION_DIR} is absent (Debian package dataset-fashion-mnist not installed)`);
    test.setTimeout(180_000);
    await goTo(page, 'experiment');
    const id = await page.getByTestId('dataset').locator('option', { hasText: 'Fashion-MNIST (e2e)' }).getAttribute('value');
    const runId = await trainRun(page, { presetId: 'example-3', epochs: 1, name: 'e2e fashion run', datasetId: id ?? '' });

    await goTo(page, 'datasets');
    const row = page.getByTestId('dataset-row').filter({ hasText: 'Fashion-MNIST (e2e)' });
    await expect(page.getByTestId('dataset-row').filter({ hasText: 'mnist-embedded' }).getByTestId('dataset-delete')).toHaveCount(0);
    await row.getByTestId('dataset-delete').click();
    const dialog = page.getByTestId('confirm-dialog');
    await expect(dialog).toContainText('1 run uses “Fashion-MNIST (e2e)”. Deleting the dataset deletes them too');
    await expect(page.getByTestId('confirm-ok')).toHaveText('Delete dataset and its 1 run');
    await expect(page.getByTestId('confirm-cancel')).toBeFocused();
    await saveScreen(page, testInfo, 'datasets-delete-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(row).toHaveCount(1);

    await row.getByTestId('dataset-delete').click();
    await page.getByTestId('confirm-ok').click();
    await expect(row).toHaveCount(0);
    await expect(page.getByTestId('dataset-delete-error')).toHaveCount(0);
    await page.reload();
    await expect(page.getByTestId('dataset-row').first()).toBeVisible();
    await expect(row).toHaveCount(0);
    await goTo(page, 'history');
    await expect(page.getByTestId('runs-table').or(page.getByTestId('empty')).first()).toBeVisible();
    await expect(page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`)).toHaveCount(0);
  });
});
