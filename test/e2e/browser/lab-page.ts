/** Steps the browser-mode specs share: opening the app, starting a run from the Experiment view, reading numbers. */
import { expect, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { e2eServer } from '../server-env';

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
