/**
 * Issue 10, items 6 and 7: the confusion table follows the row-normalised mode and a cell narrows the
 * misclassified gallery (each digit with its confidence); the Sketchpad says how sure each model is.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { goTo, openLab, trainRun } from '../../support/e2e/lab-page';

test.describe.serial('evaluation and sketchpad say how sure the model is', () => {
  let page: Page;
  let softmaxRun = 0;
  let tanhRun = 0;

  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(240_000);
    page = await openLab(browser, testInfo);
    tanhRun = await trainRun(page, { presetId: 'example-1', epochs: 1, name: 'e2e eval: tanh + MSE' });
    softmaxRun = await trainRun(page, { presetId: 'example-3', epochs: 1, name: 'e2e eval: softmax + cross-entropy' });
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('item 6: the table shows fractions in row-normalised mode; a cell filters the gallery to its pair', async ({}, testInfo) => {
    await page.goto(page.url().replace(/#.*$/, `#/runs/${tanhRun}`));
    await page.getByTestId('confusion-table-toggle').click();
    const firstRow = page.getByTestId('confusion-table').locator('tbody tr').first().getByTestId('confusion-cell');
    await expect(firstRow.first()).toHaveText(/^\d+$/);

    await page.getByTestId('confusion-normalised').click();
    await expect(page.getByTestId('confusion-table')).toHaveAttribute('data-mode', 'normalised');
    const fractions = (await firstRow.allTextContents()).map((t) => Number(t.trim()));
    for (const t of await firstRow.allTextContents()) expect(t.trim()).toMatch(/^[01]\.\d{2}$/);
    expect(fractions.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 1);

    // The largest off-diagonal count: pick it in the table.
    await page.getByTestId('confusion-counts').click();
    const pick = page.locator('button.cell-pick').first();
    const label = (await pick.getAttribute('aria-label')) ?? '';
    const [, truth, predicted] = /true (\S+) predicted (\S+)/.exec(label) ?? [];
    await pick.click();
    await expect(page.getByTestId('misclassified-filter')).toContainText(`true ${truth} → predicted ${predicted}`);
    const items = page.getByTestId('misclassified-item');
    await expect(items.first()).toBeVisible();
    const pairs = await items.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-true')}/${e.getAttribute('data-predicted')}`));
    expect(new Set(pairs)).toEqual(new Set([`${truth}/${predicted}`]));
    for (const c of await page.getByTestId('misclassified-confidence').allTextContents()) expect(c).toMatch(/^\d+(\.\d)?%$/);
    await page.getByTestId('misclassified-panel').scrollIntoViewIfNeeded();
    await saveScreen(page, testInfo, 'run-gallery-filtered');

    await page.getByTestId('misclassified-clear').click();
    await expect(page.getByTestId('misclassified-filter')).toHaveCount(0);
  });

  test('item 7: both loss families are the default models; each answer reads "7 (99%)" with a top 3', async ({}, testInfo) => {
    await goTo(page, 'sketchpad');
    // The latest completed run of each loss family, newest first.
    await expect(page.getByTestId('model-a-select')).toHaveValue(String(softmaxRun));
    await expect(page.getByTestId('model-b-select')).toHaveValue(String(tanhRun));

    const box = await page.getByTestId('sketch-canvas').boundingBox();
    if (!box) throw new Error('the sketch canvas is not laid out');
    const x = box.x + box.width / 2;
    await page.mouse.move(x, box.y + box.height * 0.2);
    await page.mouse.down();
    await page.mouse.move(x, box.y + box.height * 0.8, { steps: 15 });
    await page.mouse.up();

    for (const which of ['a', 'b'] as const) {
      await expect(page.getByTestId(`confidence-${which}`)).toHaveText(/^\(\d+(\.\d)?%\)$/);
      await expect(page.getByTestId(`top3-${which}`).locator('.top-class')).toHaveCount(3);
      // Low confidence is marked exactly when the answer's score is under 50 %.
      const confidence = Number(/([\d.]+)%/.exec((await page.getByTestId(`confidence-${which}`).textContent()) ?? '')?.[1]);
      await expect(page.getByTestId(`low-confidence-${which}`)).toHaveCount(confidence < 50 ? 1 : 0);
    }
    // Softmax gives probabilities; tanh gets normalised scores and its raw −1…1 outputs, both labelled.
    await expect(page.getByTestId('top3-a')).toContainText('softmax probabilities');
    await expect(page.getByTestId('raw-outputs-a')).toHaveCount(0);
    await expect(page.getByTestId('top3-b')).toContainText('normalised scores');
    await expect(page.getByTestId('raw-outputs-b').locator('canvas')).toHaveCount(1);
    await saveScreen(page, testInfo, 'sketchpad-confidence');

    // A single dot: whatever the models answer, a score under 50 % carries the mark.
    await page.getByTestId('sketch-clear').click();
    await page.mouse.click(x, box.y + box.height / 2);
    await expect(page.getByTestId('confidence-a')).toBeVisible();
    const dot = Number(/([\d.]+)%/.exec((await page.getByTestId('confidence-a').textContent()) ?? '')?.[1]);
    testInfo.annotations.push({ type: 'model A on a dot', description: `${await page.getByTestId('prediction').textContent()} at ${dot}%` });
    await expect(page.getByTestId('low-confidence-a')).toHaveCount(dot < 50 ? 1 : 0);
  });
});
