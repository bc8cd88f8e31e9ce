import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, resetFakeElectron } from '@support/fake-electron';
import { CONTENT_SECURITY_POLICY } from '@hosts/common/csp';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { registerAppScheme, setupAppProtocol } = await import('@hosts/electron/app-protocol');

const SECRET = 'outside the renderer';
let root: string;

/** The response to `url` from the handler the shell registered for app://. */
async function get(url: string): Promise<Response> {
  const handler = fake.protocolHandlers.get('app');
  if (!handler) throw new Error('no app:// handler');
  return handler(new Request(url));
}

beforeEach(() => {
  resetFakeElectron();
  // <root>/renderer is served; <root>/secret.txt and <root>/renderer-old/secret.txt must never be.
  root = mkdtempSync(join(tmpdir(), 'loss-lab-protocol-'));
  mkdirSync(join(root, 'renderer', 'assets'), { recursive: true });
  mkdirSync(join(root, 'renderer-old'));
  writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Loss Lab</title>');
  writeFileSync(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  writeFileSync(join(root, 'renderer-old', 'secret.txt'), SECRET);
  setupAppProtocol(join(root, 'renderer'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the app:// protocol', () => {
  it('is registered as a standard, secure scheme before ready', () => {
    registerAppScheme();
    expect(fake.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the renderer with its type, the CSP and nosniff', async () => {
    const page = await get('app://loss-lab/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Loss Lab</title>');
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const script = await get('app://loss-lab/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://loss-lab/../secret.txt',
    'app://loss-lab/%2e%2e/secret.txt',
    'app://loss-lab/..%2fsecret.txt',
    'app://loss-lab/..%2f..%2fsecret.txt',
    'app://loss-lab/..%5csecret.txt',
    'app://loss-lab/..%2frenderer-old%2fsecret.txt',
    'app://loss-lab/assets%00/app.js',
    'app://other-host/index.html',
    'app://loss-lab/missing.html',
    'app://loss-lab/assets',
  ])('refuses %s with a 404', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses an absolute path to a file outside the renderer, plain or encoded', async () => {
    const secret = join(root, 'secret.txt');
    for (const url of [`app://loss-lab/${encodeURIComponent(secret)}`, `app://loss-lab//${secret}`, `app://loss-lab/${secret}`]) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain(SECRET);
    }
  });
});
