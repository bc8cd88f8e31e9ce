/**
 * Issue 10, items 1, 3 and 4: the Experiment view shows the result where the run was started (test accuracy,
 * test loss, the test curve), the loss curve moves batch by batch during the first epoch, and History's
 * overlay offers log scale and normalisation, remembered across a reload.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { fillExperiment, finishedRunId, goTo, openLab, sampleUntil, trainRun } from '../../support/e2e/lab-page';

test.describe.serial('the answer on screen, readable curves', () => {
  let page: Page;
  let crossEntropyRun = 0;
  let mseRun = 0;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('item 4: the loss curve gains batch points before the first epoch ends', async ({}, testInfo) => {
    await fillExperiment(page, { presetId: 'example-3', epochs: 2, name: 'e2e ux: cross-entropy, 2 epochs' });
    await page.getByTestId('start').click();
    const charts = page.getByTestId('live-charts');
    const readings = await sampleUntil(
      // Status first, so the reading that ends the loop also has the final chart.
      async () => {
        const status = (await page.getByTestId('run-status').textContent()) ?? '';
        return {
          status,
          epochs: Number(await charts.getAttribute('data-epochs')),
          batches: Number(await charts.getAttribute('data-batch-points')),
        };
      },
      (r) => r.status === 'completed',
      90_000,
    );
    testInfo.annotations.push({
      type: 'batch points while epoch 1 trained',
      description: readings
        .filter((r) => r.epochs === 0)
        .map((r) => r.batches)
        .join(' '),
    });
    // Some reading saw batch points while no epoch had finished: the chart was not empty during epoch 1.
    expect(readings.some((r) => r.epochs === 0 && r.batches > 0)).toBe(true);
    expect(readings.at(-1)?.epochs).toBe(2);
    crossEntropyRun = await finishedRunId(page);
  });

  test('item 1: the finished run shows its test accuracy, test loss and test curve in the Experiment view', async ({}, testInfo) => {
    const result = page.getByTestId('run-result');
    await expect(result.getByTestId('run-finished')).toContainText('Run completed.');
    await expect(result.getByTestId('result-accuracy')).toHaveText(/^\d{1,3}\.\d{2}%$/);
    await expect(result.getByTestId('result-loss')).toHaveText(/^\d+\.\d{4}$/);
    await expect(result.getByTestId('test-curve-chart')).toHaveAttribute('data-epochs', '2');
    await expect(result.getByTestId('test-curve-chart').locator('canvas')).toHaveCount(1);
    const shown = (await result.getByTestId('result-accuracy').textContent()) ?? '';
    await saveScreen(page, testInfo, 'experiment-result');

    // The same figure the run's own page reports for its test evaluation.
    await result.getByTestId('run-link').click();
    await expect(page.getByTestId('test-accuracy')).toHaveText(shown);
  });

  test('item 3: log scale and normalise-to-epoch-1 for an MSE and a cross-entropy run, kept after a reload', async ({}, testInfo) => {
    mseRun = await trainRun(page, { presetId: 'example-1', epochs: 1, name: 'e2e ux: MSE, 1 epoch' });
    await goTo(page, 'history');
    for (const id of [crossEntropyRun, mseRun]) await page.locator(`[data-testid="run-row"][data-run-id="${id}"] [data-testid="run-select"]`).check();
    const chart = page.getByTestId('compare-loss-chart');
    await expect(chart.locator('canvas')).toHaveCount(1);
    await expect(chart).toHaveAttribute('data-scale', 'linear');
    await page.getByTestId('scale-log').click();
    await expect(chart).toHaveAttribute('data-scale', 'log');
    await expect(page.getByTestId('scale-log')).toHaveAttribute('aria-pressed', 'true');
    await page.getByTestId('normalise').check();
    await saveScreen(page, testInfo, 'history-compare-log');

    await page.reload();
    await expect(page.getByTestId('compare-loss-chart')).toHaveAttribute('data-scale', 'log');
    await expect(page.getByTestId('normalise')).toBeChecked();
    for (const id of [crossEntropyRun, mseRun]) {
      await expect(page.locator(`[data-testid="run-row"][data-run-id="${id}"] [data-testid="run-select"]`)).toBeChecked();
    }
    // Back to the defaults so later specs start from them.
    await page.getByTestId('scale-linear').click();
    await page.getByTestId('normalise').uncheck();
  });
});
