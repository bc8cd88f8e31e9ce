/** Steps the browser-mode specs share: opening the app, starting a run from the Experiment view, reading numbers. */
import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { e2eServer } from './server-env';

/** A page with the project's viewport, for serial describes that keep one page across their tests. */
export async function openLab(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const page = await browser.newPage({ viewport: testInfo.project.use.viewport ?? { width: 1280, height: 860 } });
  await page.goto(e2eServer().url);
  await expect(page.getByTestId('backend')).toHaveText(/^(tensorflow|wasm|cpu)$/);
  return page;
}

/** Goes to a view through the navigation, as a person would. */
export async function goTo(page: Page, view: 'experiment' | 'history' | 'studies' | 'sketchpad' | 'datasets'): Promise<void> {
  await page.getByTestId(`nav-${view}`).click();
  await expect(page.getByTestId(`nav-${view}`)).toHaveClass(/active/);
}

export interface RunPlan {
  presetId: string;
  epochs: number;
  name: string;
  /** Default `mnist-embedded`: the 8,000 / 2,000 sample keeps browser specs quick (presets bring `mnist`). */
  datasetId?: string;
}

/** The small embedded digits (8,000 + 2,000): the default of `RunPlan.datasetId`, so browser specs stay quick. */
export const SMALL_DATASET = 'mnist-embedded';

/** Fills the Experiment form (preset, dataset, epochs, name) without pressing Start. */
export async function fillExperiment(page: Page, plan: RunPlan): Promise<void> {
  await goTo(page, 'experiment');
  await page.getByTestId('preset').selectOption(plan.presetId);
  await page.getByTestId('dataset').selectOption(plan.datasetId ?? SMALL_DATASET);
  await page.getByTestId('field-epochs').fill(String(plan.epochs));
  await page.getByTestId('run-name').fill(plan.name);
  await expect(page.getByTestId('start')).toBeEnabled();
}

/** The run id the Experiment view links to once its run has ended. */
export async function finishedRunId(page: Page): Promise<number> {
  const href = await page.getByTestId('run-link').getAttribute('href');
  const id = Number(/#\/runs\/(\d+)$/.exec(href ?? '')?.[1]);
  expect(id, `run link ${href}`).toBeGreaterThan(0);
  return id;
}

/** Starts a run and waits until it has completed; returns its id. */
export async function trainRun(page: Page, plan: RunPlan): Promise<number> {
  await fillExperiment(page, plan);
  await page.getByTestId('start').click();
  await expect(page.getByTestId('run-status')).toHaveText('completed', { timeout: 90_000 });
  return finishedRunId(page);
}

/** The integers shown in every matched cell (thousands separators allowed). */
export async function integersOf(cells: Locator): Promise<number[]> {
  const texts = await cells.allTextContents();
  return texts.map((t) => {
    const n = Number(t.trim().replace(/[,\u202f\u00a0]/g, ''));
    expect(Number.isInteger(n), `"${t}" is an integer`).toBe(true);
    return n;
  });
}

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/**
 * Reads `read()` again and again (about every `everyMs`) until `done` holds for a reading or `timeoutMs` passes;
 * returns every reading in order, so a spec can assert how a value moved, not only where it ended.
 */
export async function sampleUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 40): Promise<T[]> {
  const readings: T[] = [];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    readings.push(value);
    if (done(value)) return readings;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms; last readings: ${JSON.stringify(readings.slice(-5))}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/** Starts the built-in study on the small dataset (1 seed × 1 epoch: 5 runs), waits for its runs; its id. */
export async function runSmallBuiltinStudy(page: Page): Promise<number> {
  await goTo(page, 'studies');
  await page.getByTestId('study-dataset').selectOption(SMALL_DATASET);
  await page.getByTestId('builtin-seeds').fill('1');
  await page.getByTestId('builtin-epochs').fill('1');
  await page.getByTestId('start-builtin').click();
  await expect(page.getByTestId('study-progress')).toContainText('5 of 5 runs finished', { timeout: 240_000 });
  return Number(/#\/studies\/(\d+)$/.exec(page.url())?.[1]);
}

/** Draws a vertical stroke down the middle of the Sketchpad's canvas. */
export async function drawVerticalStroke(page: Page): Promise<void> {
  const box = await page.getByTestId('sketch-canvas').boundingBox();
  if (!box) throw new Error('the sketch canvas is not laid out');
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.8, { steps: 15 });
  await page.mouse.up();
}
