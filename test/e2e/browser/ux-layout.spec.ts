/**
 * Issue 10, items 13 and 14: nothing hides behind sideways scrolling at 1024×700, and dark mode follows the
 * system (emulated) or the persisted toggle, charts included. Saves every view in light and dark at 1440×900
 * and 1024×700 under test-results/screens/ (browser-mode-<view>-<theme>-<size>.png).
 */
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { saveScreen } from '../../support/e2e/screens';
import { e2eServer } from '../../support/e2e/server-env';
import { drawVerticalStroke, goTo, openLab, runSmallBuiltinStudy, trainRun } from '../../support/e2e/lab-page';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
] as const;

let runId = 0;
let studyId = 0;

async function openAt(browser: Browser, size: { width: number; height: number }, colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await browser.newPage({ viewport: size, colorScheme });
  await page.goto(e2eServer().url);
  await expect(page.getByTestId('backend')).toHaveText(/^(tensorflow|wasm|cpu)$/);
  return page;
}

/** How far an element's content is wider than its box, in px (0 when nothing scrolls sideways). */
const overflowOf = (page: Page, testId: string): Promise<number> =>
  page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      const wrap = el.closest('.table-wrap') ?? el;
      return wrap.scrollWidth - wrap.clientWidth;
    });

/** The computed background colour of the first element matching `selector`. */
const backgroundOf = (page: Page, selector: string): Promise<string> =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor ?? '');

/** Relative luminance 0..1 of a computed `rgb(r, g, b)` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map((v) => Number(v) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

test.describe.serial('layout and dark mode', () => {
  test.setTimeout(300_000);

  test.beforeAll(async ({ browser }, testInfo) => {
    test.setTimeout(300_000);
    const page = await openLab(browser, testInfo);
    runId = await trainRun(page, { presetId: 'example-1', epochs: 2, name: 'e2e layout: tanh + MSE, 2 epochs' });
    studyId = await runSmallBuiltinStudy(page);
    await page.close();
  });

  test('item 13: at 1024×700 History, the run’s epochs, the study table and the status bar fit without sideways scrolling', async ({ browser }) => {
    const page = await openAt(browser, { width: 1024, height: 700 }, 'light');
    await goTo(page, 'history');
    await expect(page.getByTestId('run-row').first()).toBeVisible();
    expect(await overflowOf(page, 'runs-table')).toBeLessThanOrEqual(1);
    const del = await page.getByTestId('run-delete').first().boundingBox();
    expect(del && del.x + del.width).toBeLessThanOrEqual(1024);
    const bar = await page.locator('.status-bar').boundingBox();
    expect(bar?.height).toBeLessThan(40); // one line, not wrapped

    await page.goto(`${e2eServer().url}#/runs/${runId}`);
    await expect(page.getByTestId('epoch-table').locator('tbody tr')).toHaveCount(2);
    expect(await overflowOf(page, 'epoch-table')).toBeLessThanOrEqual(1);
    await expect(page.getByTestId('epoch-table').getByRole('columnheader', { name: 'Samples/s' })).toBeInViewport();
    // Why this backend: one line beside it until clicked, then the whole measured reason.
    const why = page.getByTestId('backend-reason');
    await expect(why).toContainText(/why: wasm: [\d.]+× faster than cpu here \([\d.]+ vs [\d.]+ ms a step, 784-128-10 batch 32\), measured \d{4}-\d\d-\d\d/);
    await why.click();
    await expect(why).toHaveAttribute('aria-expanded', 'true');
    await page.screenshot({ path: test.info().outputPath('run-page-1024.png') });

    for (const width of [1024, 1440]) {
      await page.setViewportSize({ width, height: width === 1024 ? 700 : 900 });
      await page.goto(`${e2eServer().url}#/studies/${studyId}`);
      await expect(page.getByTestId('aggregate-row')).toHaveCount(5);
      expect(await overflowOf(page, 'aggregate-table'), `study table at ${width} px`).toBeLessThanOrEqual(1);
    }
    await page.close();
  });

  test('item 14: an emulated dark scheme darkens the app and its charts; the toggle overrides it and persists', async ({ browser }) => {
    const page = await openAt(browser, { width: 1440, height: 900 }, 'dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(luminance(await backgroundOf(page, 'html'))).toBeLessThan(0.2);
    expect(luminance(await backgroundOf(page, '.panel'))).toBeLessThan(0.2);
    await page.goto(`${e2eServer().url}#/runs/${runId}`);
    await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-theme', 'dark');

    // System → light: the choice wins over the dark scheme, and survives a reload.
    await expect(page.getByTestId('theme-toggle')).toHaveText('Theme: system');
    await page.getByTestId('theme-toggle').click();
    await expect(page.getByTestId('theme-toggle')).toHaveText('Theme: light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId('loss-chart')).toHaveAttribute('data-theme', 'light');
    expect(luminance(await backgroundOf(page, '.panel'))).toBeGreaterThan(0.8);
    expect(luminance(await backgroundOf(page, 'html'))).toBeGreaterThan(0.8);
    // Light → dark → system: back to following the scheme.
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('theme-toggle').click();
    await expect(page.getByTestId('theme-toggle')).toHaveText('Theme: system');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.close();
  });

  for (const size of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      test(`screens: every view, ${scheme}, ${size.width}×${size.height}`, async ({ browser }, testInfo: TestInfo) => {
        const page = await openAt(browser, size, scheme);
        const shot = (view: string): Promise<void> => saveScreen(page, testInfo, `${view}-${scheme}-${size.width}x${size.height}`);
        const url = e2eServer().url;
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);

        await goTo(page, 'experiment');
        await expect(page.getByTestId('start')).toBeEnabled();
        await shot('experiment');
        await goTo(page, 'history');
        await expect(page.getByTestId('run-row').first()).toBeVisible();
        await page.getByTestId('run-select').first().check();
        await expect(page.getByTestId('compare-loss-chart')).toBeVisible();
        await shot('history');
        await page.getByTestId('run-select').first().uncheck();
        await page.goto(`${url}#/runs/${runId}`);
        await expect(page.getByTestId('run-charts')).toHaveAttribute('data-epochs', '2');
        await shot('run');
        await page.getByTestId('confusion-chart').scrollIntoViewIfNeeded();
        await shot('run-evaluation');
        await goTo(page, 'studies');
        await expect(page.getByTestId('study-row').first()).toBeVisible();
        await shot('studies');
        await page.goto(`${url}#/studies/${studyId}`);
        await expect(page.getByTestId('study-chart')).toBeVisible();
        // Item 2: the plain-language answer heads the finished study.
        await expect(page.getByTestId('study-answer')).toContainText('Of the 4 claims tested');
        await expect(page.getByTestId('answer-claim')).toHaveCount(4);
        await shot('study');
        await goTo(page, 'sketchpad');
        await drawVerticalStroke(page);
        await expect(page.getByTestId('prediction')).toHaveText(/^[0-9]$/);
        await shot('sketchpad');
        await goTo(page, 'datasets');
        await expect(page.getByTestId('dataset-row').first()).toBeVisible();
        await shot('datasets');
        await page.close();
      });
    }
  }
});
