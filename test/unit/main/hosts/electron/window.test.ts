import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFakeElectron } from '@support/fake-electron';
import type { ShellPaths } from '@hosts/electron/paths';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { createMainWindow } = await import('@hosts/electron/window');

const paths = (devServerUrl: string | null): ShellPaths => ({
  dataDir: '/data',
  rendererDir: '/app/out/renderer',
  preload: '/app/out/preload/index.cjs',
  workerUrl: new URL('file:///app/out/main/training-worker.js'),
  sqliteBinding: '/app/.electron-native/40.9.3/better_sqlite3.node',
  devServerUrl,
  packaged: false,
});

beforeEach(resetFakeElectron);

describe('createMainWindow', () => {
  it('is sandboxed and context-isolated, with no Node in the page or its workers, and the built preload', () => {
    createMainWindow(paths(null));
    const [window] = FakeBrowserWindow.all;
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(window?.options.webPreferences).not.toHaveProperty('nodeIntegrationInSubFrames', true);
  });

  it('loads the app origin, or the dev server during `electron-vite dev`, and shows once painted', () => {
    const built = createMainWindow(paths(null));
    const dev = createMainWindow(paths('http://localhost:5173/'));
    const [first, second] = FakeBrowserWindow.all;
    expect(first?.loadedUrl).toBe('app://loss-lab/index.html');
    expect(second?.loadedUrl).toBe('http://localhost:5173/');
    expect(first?.shown).toBe(false);
    first?.emit('ready-to-show');
    expect(first?.shown).toBe(true);
    expect([built, dev]).toEqual([first, second]);
  });
});
