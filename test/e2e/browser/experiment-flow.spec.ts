/**
 * The main flow against browser mode: train Example 3 for one epoch while watching it, find it in History,
 * read its test evaluation, then draw on the Sketchpad with it as model A.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { drawVerticalStroke, fillExperiment, finishedRunId, goTo, integersOf, openLab, sampleUntil, sum } from '../../support/e2e/lab-page';

/** The embedded digits' test split: 2,000 of the 10,000 (README, Data). */
const TEST_SIZE = 2000;
const RUN_NAME = 'e2e experiment flow: Example 3, 1 epoch';

test.describe.serial('experiment flow: train, review, sketch', () => {
  let page: Page;
  let runId = 0;

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('the dataset select offers both MNIST sets with their sizes, the full one by default', async () => {
    await goTo(page, 'experiment');
    const select = page.getByTestId('dataset');
    await expect(select).toHaveValue('mnist');
    await expect(select.locator('option[value="mnist"]')).toHaveText("MNIST — 60,000 train / 10,000 test, the article's data");
    await expect(select.locator('option[value="mnist-embedded"]')).toHaveText('MNIST sample, 8,000 / 2,000: quick runs');
  });

  test('Example 3 with 1 epoch: the progress bar moves and the chart gains a point', async ({}, testInfo) => {
    await fillExperiment(page, { presetId: 'example-3', epochs: 1, name: RUN_NAME });
    await page.getByTestId('start').click();

    const bar = page.getByTestId('progress').getByRole('progressbar');
    const charts = page.getByTestId('live-charts');
    await expect(bar).toBeVisible();
    const readings = await sampleUntil(
      // Status first: once it reads completed, the bar and the chart read after it are final too (read the
      // other way round, the last reading could pair a 91 % bar with the completed status that followed it).
      async () => {
        const status = (await page.getByTestId('run-status').textContent()) ?? '';
        return {
          status,
          progress: Number(await bar.getAttribute('aria-valuenow')),
          points: Number(await charts.getAttribute('data-epochs')),
        };
      },
      (r) => r.status === 'completed',
      90_000,
    );
    const progress = readings.map((r) => r.progress);
    const points = readings.map((r) => r.points);
    testInfo.annotations.push({ type: 'progress readings', description: [...new Set(progress)].join(' → ') });

    // It moved: it started below 100, ended at 100, and never went back.
    expect(progress[0]).toBeLessThan(100);
    expect(progress.at(-1)).toBe(100);
    expect(new Set(progress).size).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // The curves started empty and gained the epoch's point.
    expect(points[0]).toBe(0);
    expect(points.at(-1)).toBe(1);
    await expect(page.getByTestId('progress-epoch')).toHaveText('1 / 1');

    runId = await finishedRunId(page);
    await saveScreen(page, testInfo, 'experiment-finished');
  });

  test('the run appears in History and opens with a test evaluation over all 2000 digits', async ({}, testInfo) => {
    expect(runId, 'the training test found the run id').toBeGreaterThan(0);
    await goTo(page, 'history');
    const row = page.locator(`[data-testid="run-row"][data-run-id="${runId}"]`);
    await expect(row).toContainText(RUN_NAME);
    await expect(row.locator('.col-status')).toHaveText('completed');
    // Only the epochs were edited: still the preset (src/shared/preset-match.ts).
    await expect(row.locator('.col-preset')).toHaveText('example-3');
    await saveScreen(page, testInfo, 'history');

    await row.locator('.col-loss').click();
    await expect(page).toHaveURL(new RegExp(`#/runs/${runId}$`));
    await expect(page.getByTestId('run-title')).toHaveText(RUN_NAME);
    await expect(page.getByTestId('epoch-table').locator('tbody tr')).toHaveCount(1);
    // The preset holds nothing out: per-epoch test columns, no validation columns.
    await expect(page.getByTestId('epoch-table').locator('thead')).toContainText('Test acc.');
    await expect(page.getByTestId('epoch-table').locator('thead')).not.toContainText('Val.');
    await expect(page.getByTestId('run-charts')).toHaveAttribute('data-epochs', '1');

    const supports = await integersOf(page.getByTestId('support'));
    expect(supports).toHaveLength(10);
    expect(sum(supports)).toBe(TEST_SIZE);

    await expect(page.getByTestId('confusion-total')).toHaveText(String(TEST_SIZE));
    const cells = await integersOf(page.getByTestId('confusion-cell'));
    expect(cells).toHaveLength(100);
    expect(sum(cells)).toBe(TEST_SIZE);
    // Each confusion row is one true class: its total is that class's support in the per-class table.
    expect(await integersOf(page.getByTestId('confusion-row-total'))).toEqual(supports);

    // The diagonal is what the test accuracy counts.
    const correct = sum(cells.filter((_, i) => i % 11 === 0));
    const accuracy = Number((await page.getByTestId('test-accuracy').textContent())?.replace('%', ''));
    expect(accuracy).toBeCloseTo((correct / TEST_SIZE) * 100, 1);
    expect(accuracy).toBeGreaterThan(50); // one epoch of Example 3 reaches ~89%; chance is 10%
    await saveScreen(page, testInfo, 'run');
    // The view scrolls inside its own pane, so a full-page shot stops at the charts: scroll to the evaluation.
    await page.getByTestId('confusion-chart').scrollIntoViewIfNeeded();
    await saveScreen(page, testInfo, 'run-evaluation');
  });

  test('a vertical stroke on the Sketchpad gets a prediction and a bar chart of the outputs', async ({}, testInfo) => {
    expect(runId, 'the training test found the run id').toBeGreaterThan(0);
    await goTo(page, 'sketchpad');
    await page.getByTestId('model-a-select').selectOption(String(runId));
    await expect(page.getByTestId('model-a')).toContainText('Draw a digit');

    await drawVerticalStroke(page);

    await expect(page.getByTestId('sketch-undo')).toBeEnabled();
    await expect(page.getByTestId('prediction')).toHaveText(/^[0-9]$/);
    const chart = page.getByTestId('probabilities-a');
    await expect(chart).toBeVisible();
    await expect(chart.locator('canvas')).toHaveCount(1);
    testInfo.annotations.push({ type: 'prediction for a vertical stroke', description: (await page.getByTestId('prediction').textContent()) ?? '' });

    // A and B sit side by side at 1280 px (they used to wrap onto two rows).
    const a = await page.getByTestId('model-a').boundingBox();
    const b = await page.getByTestId('model-b').boundingBox();
    expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1).toBe(true);
    await saveScreen(page, testInfo, 'sketchpad');

    await page.getByTestId('sketch-clear').click();
    await expect(page.getByTestId('prediction')).toHaveCount(0);
  });
});
