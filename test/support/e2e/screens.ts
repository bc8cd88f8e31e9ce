import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/** Saves a full-page screenshot to test-results/screens/<project>-<name>.png and attaches it to the report. */
export async function saveScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = join('test-results', 'screens');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${testInfo.project.name}-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
