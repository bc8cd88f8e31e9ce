/**
 * Issue 10, items 8 and 11: study runs fold under their study in History, default names say what was edited
 * and never repeat; rows open from the keyboard, the name opens the run, the delete dialog is a real modal,
 * notes save on Enter.
 */
import { expect, test, type Page } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { goTo, openLab, runSmallBuiltinStudy, SMALL_DATASET } from '../../support/e2e/lab-page';

/** Starts Example 3 with 1 epoch and no name; resolves once it completed. */
async function trainUnnamed(page: Page): Promise<void> {
  await goTo(page, 'experiment');
  await page.getByTestId('preset').selectOption('example-3');
  await page.getByTestId('dataset').selectOption(SMALL_DATASET);
  await page.getByTestId('field-epochs').fill('1');
  await page.getByTestId('run-name').fill('');
  await expect(page.getByTestId('preset-edits')).toHaveText('(edited: epochs 1)');
  await page.getByTestId('start').click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 90_000 });
}

test.describe.serial('History at scale, by keyboard', () => {
  test.setTimeout(300_000);
  let page: Page;
  const ownRows = (): ReturnType<Page['locator']> => page.getByTestId('runs-table').first().getByTestId('run-row');

  test.beforeAll(async ({ browser }, testInfo) => {
    page = await openLab(browser, testInfo);
  });
  test.afterAll(async () => {
    await page.close();
  });

  test('item 8: two unnamed runs get distinct names that keep the preset and the edit', async () => {
    await trainUnnamed(page);
    await trainUnnamed(page);
    await goTo(page, 'history');
    const base = 'Example 3: relu + softmax + cross-entropy (edited: epochs 1) · seed 1';
    const names = await page.getByTestId('run-name').allTextContents();
    expect(names).toContain(base);
    expect(names).toContain(`${base} (2)`);
  });

  test('item 8: a study’s runs fold under the study instead of flooding the table', async ({}, testInfo) => {
    await goTo(page, 'history');
    const before = await ownRows().count();
    const studyId = await runSmallBuiltinStudy(page);

    await goTo(page, 'history');
    await expect(ownRows()).toHaveCount(before);
    const group = page.locator(`[data-testid="study-group"][data-study-id="${studyId}"]`);
    await expect(group.locator('summary')).toContainText('5 runs of this study');
    await expect(group.getByTestId('run-row').first()).toBeHidden();
    await group.locator('summary strong').click();
    await expect(group.getByTestId('run-row')).toHaveCount(5);
    await expect(group.getByTestId('run-row').first()).toBeVisible();
    await saveScreen(page, testInfo, 'history-study-group');
  });

  test('item 11: a focused row opens with Enter; clicking the name opens the run', async () => {
    await goTo(page, 'history');
    const row = ownRows().first();
    const id = await row.getAttribute('data-run-id');
    await row.focus();
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`#/runs/${id}$`));

    await goTo(page, 'history');
    await ownRows().first().getByTestId('run-name').click();
    await expect(page).toHaveURL(new RegExp(`#/runs/${id}$`));
  });

  test('item 11: the delete dialog is modal: focus inside, Tab stays in, Esc closes and gives focus back', async ({}, testInfo) => {
    await goTo(page, 'history');
    const row = ownRows().first();
    const deleteButton = row.getByTestId('run-delete');
    await deleteButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Delete run?' });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('confirm-cancel')).toBeFocused();
    await saveScreen(page, testInfo, 'history-delete-dialog');
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(d.ownerDocument.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(deleteButton).toBeFocused();
    await expect(row).toBeVisible();
  });

  test('item 11: notes save on Enter and survive a reload', async () => {
    await goTo(page, 'history');
    const row = ownRows().first();
    const id = await row.getAttribute('data-run-id');
    await row.getByTestId('run-notes').click();
    await row.getByTestId('run-notes-input').fill('saved with Enter');
    await row.getByTestId('run-notes-input').press('Enter');
    await expect(row.getByTestId('run-notes')).toHaveText('saved with Enter');
    await page.reload();
    await expect(page.locator(`[data-testid="run-row"][data-run-id="${id}"]`).getByTestId('run-notes')).toHaveText('saved with Enter');
  });
});
