import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/contract';
import { fake, FakeBrowserWindow, resetFakeElectron } from '@support/fake-electron';
import { createLabDouble } from '@support/lab-double';
import type { ShellPaths } from '@hosts/electron/paths';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { startDesktopApp } = await import('@hosts/electron/desktop-app');

const PATHS: ShellPaths = {
  dataDir: '/data',
  rendererDir: '/app/out/renderer',
  preload: '/app/out/preload/index.cjs',
  workerUrl: new URL('file:///app/out/main/training-worker.js'),
  sqliteBinding: '/app/.electron-native/40.9.3/better_sqlite3.node',
  devServerUrl: null,
  packaged: false,
};

/** Starts the app on a lab double whose close() is recorded in `log` next to the app's quits. */
async function started() {
  const log: string[] = [];
  const lab = createLabDouble();
  let finishClose: () => void = () => undefined;
  lab.close = () => {
    log.push('lab closing');
    return new Promise<void>((resolve) => {
      finishClose = () => {
        log.push('lab closed');
        resolve();
      };
    });
  };
  const openLab = vi.fn(() => Promise.resolve(lab));
  const running = startDesktopApp({ openLab, resolvePaths: () => PATHS });
  fake.app.becomeReady();
  await running;
  return { lab, log, openLab, finishClose: () => finishClose() };
}

beforeEach(resetFakeElectron);

describe('startDesktopApp', () => {
  it('once ready: sandbox on, app:// registered, the lab opened, one window, every channel handled', async () => {
    const { openLab } = await started();
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.privilegedSchemes).toHaveLength(1);
    expect(fake.protocolHandlers.has('app')).toBe(true);
    expect(openLab).toHaveBeenCalledWith(PATHS);
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  it('closes the lab before quitting: the first quit waits for close(), the second ends the app', async () => {
    const { log, finishClose } = await started();
    fake.app.quit();
    expect(log).toEqual(['lab closing']);
    expect(fake.app.quitted).toBe(false);
    finishClose();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(log).toEqual(['lab closing', 'lab closed']);
    expect(fake.app.quitCalls).toBe(2);
  });

  it('still quits when closing the lab fails', async () => {
    const { lab } = await started();
    lab.close = () => Promise.reject(new Error('disk gone'));
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.quitted).toBe(true));
    expect(errors).toHaveBeenCalledWith('Closing the lab failed:', expect.any(Error));
    errors.mockRestore();
  });

  it('a second instance focuses the first window, restoring it if minimised', async () => {
    await started();
    const [window] = FakeBrowserWindow.all;
    if (!window) throw new Error('no window');
    window.minimized = true;
    fake.app.emit('second-instance');
    expect(window.minimized).toBe(false);
    expect(window.focused).toBe(true);
  });

  it('as the second copy: quits at once and never opens the lab or a window', async () => {
    fake.app.gotLock = false;
    const openLab = vi.fn(() => Promise.resolve(createLabDouble()));
    await startDesktopApp({ openLab, resolvePaths: () => PATHS });
    fake.app.becomeReady();
    await Promise.resolve();
    expect(fake.app.quitted).toBe(true);
    expect(openLab).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.all).toEqual([]);
  });

  it('says why in an error box and exits 1 when the lab cannot open', async () => {
    const running = startDesktopApp({ openLab: () => Promise.reject(new Error('better_sqlite3.node is missing')), resolvePaths: () => PATHS });
    fake.app.becomeReady();
    await running;
    expect(fake.errorBoxes).toEqual([{ title: 'Loss Lab could not start', content: 'better_sqlite3.node is missing' }]);
    expect(fake.app.exitCode).toBe(1);
  });

  it('removes the IPC handlers when the window closes, and quits when it was the last', async () => {
    const { log } = await started();
    FakeBrowserWindow.all[0]?.close();
    expect(fake.handlers.size).toBe(0);
    // Electron emits window-all-closed after the last window; the app then quits, closing the lab first.
    fake.app.emit('window-all-closed');
    expect(log).toEqual(['lab closing']);
  });
});
