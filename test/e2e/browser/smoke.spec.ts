import { expect, test } from '@playwright/test';
import { e2eServer } from '../../support/e2e/server-env';
import { saveScreen } from '../../support/e2e/screens';

test.describe('browser mode', () => {
  test('loads with the token and shows the backend', async ({ page }, testInfo) => {
    const server = e2eServer();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // CSP violations are reported on the console only. A missing favicon is not an error of the app.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    });
    await page.goto(server.url);
    await expect(page.getByTestId('backend')).toHaveText(/^(tensorflow|wasm|cpu)$/);
    await saveScreen(page, testInfo, 'experiment');
    expect(errors).toEqual([]);
  });

  test('refuses the page and the socket without the token', async ({ request }) => {
    const server = e2eServer();
    expect((await request.get(`${server.origin}/`)).status()).toBe(403);
    expect((await request.get(`${server.origin}/?token=wrong-${server.token}`)).status()).toBe(403);
    const upgrade = await request.get(`${server.origin}/ws`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==' },
    });
    expect(upgrade.status()).toBe(403);
  });
});
