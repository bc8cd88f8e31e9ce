/**
 * The desktop app's life: one instance, the sandbox, the app:// scheme, then (once Electron is ready) the
 * guards, the protocol, the lab, the window and its IPC; on quit, the lab closes before the process ends.
 * `src/main/index.ts` calls `startDesktopApp` with the core's `createLab`, so tests drive it with a fake lab.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { Lab } from '../../core/lab/lab-types';
import { registerAppScheme, setupAppProtocol } from './app-protocol';
import { setupIpc } from './ipc';
import { resolvePaths, type ShellPaths } from './paths';
import { createAppUrlCheck, setupSecurity } from './security';
import { createMainWindow } from './window';

export interface DesktopAppDeps {
  /** Opens the lab on the shell's paths; called once, after `app` is ready. */
  openLab(paths: ShellPaths): Promise<Lab>;
  /** Where the shell's files are; default `resolvePaths()` (Electron's own answers). */
  resolvePaths?(): ShellPaths;
}

async function start(deps: DesktopAppDeps): Promise<Lab> {
  const paths = (deps.resolvePaths ?? resolvePaths)();
  const isAppUrl = createAppUrlCheck(paths.devServerUrl);
  setupSecurity(isAppUrl);
  setupAppProtocol(paths.rendererDir);
  const lab = await deps.openLab(paths);
  const window = createMainWindow(paths);
  const teardownIpc = setupIpc({ lab, window, isAppUrl });
  window.on('closed', teardownIpc);
  return lab;
}

/** Focuses the first window when a second copy is launched (that copy quits at once). */
function focusFirstWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/**
 * Starts the desktop app; resolves once it is up (or has given up: a second instance, a failed start).
 * Everything that must happen before `ready` (the lock, the sandbox, the privileged scheme) runs synchronously.
 */
export function startDesktopApp(deps: DesktopAppDeps): Promise<void> {
  // A second copy would open the same database; focus the first instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  app.enableSandbox();
  registerAppScheme();

  let lab: Lab | null = null;
  let closed = false;
  app.on('second-instance', focusFirstWindow);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', (event) => {
    if (!lab || closed) return;
    // Stop workers first so running runs are recorded as interrupted, then quit for real.
    event.preventDefault();
    const closing = lab;
    lab = null;
    void closing
      .close()
      .catch((error: unknown) => console.error('Closing the lab failed:', error))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  return app
    .whenReady()
    .then(() => start(deps))
    .then((started) => {
      lab = started;
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Loss Lab could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
