/** A stopped run is re-queued from its own page, which then follows it live to its evaluation without a reload. */
import { expect, test } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { fillExperiment, finishedRunId, openLab, sampleUntil } from '../../support/e2e/lab-page';

/** Enough epochs that Stop lands mid-run and the re-queued run is watched for several epochs, at any speed. */
const EPOCHS = 12;

test('a stopped run re-queued from RunView trains again and the view updates live', async ({ browser }, testInfo) => {
  const page = await openLab(browser, testInfo);
  await fillExperiment(page, { presetId: 'example-3', epochs: EPOCHS, name: 'e2e requeue: stopped, then re-queued' });
  await page.getByTestId('start').click();
  await page.getByTestId('stop').click();
  await expect(page.getByTestId('run-status')).toHaveText('stopped');
  const runId = await finishedRunId(page);

  await page.getByTestId('run-link').click();
  await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));
  const epochRows = page.getByTestId('epoch-table').locator('tbody tr');
  const stoppedAfter = await epochRows.count();
  expect(stoppedAfter).toBeLessThan(EPOCHS);
  await expect(page.getByTestId('run-live')).toHaveCount(0);
  await saveScreen(page, testInfo, 'run-stopped');

  await page.getByTestId('run-requeue').click();
  await expect(page.getByTestId('run-requeue')).toHaveCount(0);
  await expect(page.getByTestId('run-live')).toBeVisible();
  // Re-queueing cleared the old epochs and evaluation (a run stopped early is still evaluated, on what it had).
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  // No reload from here on: epochs, charts and the evaluation arrive through the run's events.
  const charts = page.getByTestId('run-charts');
  const seen = await sampleUntil(
    async () => Number(await charts.getAttribute('data-epochs')),
    (n) => n === EPOCHS,
    90_000,
  );
  // Live: the chart showed some epochs before the last, never went backwards.
  expect(
    seen.some((n) => n > 0 && n < EPOCHS),
    `readings ${JSON.stringify(seen)}`,
  ).toBe(true);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  await expect(epochRows).toHaveCount(EPOCHS);
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^\d+\.\d\d%$/, { timeout: 60_000 });
  await expect(page.getByTestId('confusion-total')).toHaveText('2000');
  await expect(page.getByTestId('run-live')).toHaveCount(0);
  await expect(page.getByTestId('run-config')).toContainText('completed');
  await saveScreen(page, testInfo, 'run-requeued');
  await page.close();
});
