/**
 * The Electron entry point: the only module with side effects at import. Everything else is a `setupX()` or
 * `createX()` called from here once the app is ready.
 */
import { app, BrowserWindow, dialog } from 'electron';
import { createLab } from './core/lab/create-lab';
import type { Lab } from './core/lab/lab-types';
import { registerAppScheme, setupAppProtocol } from './hosts/electron/app-protocol';
import { createFileDialogs } from './hosts/electron/file-dialogs';
import { setupIpc } from './hosts/electron/ipc';
import { keychainSecretStore } from './hosts/electron/keychain';
import { electronSqliteBinding } from './hosts/electron/native-sqlite';
import { resolvePaths } from './hosts/electron/paths';
import { createAppUrlCheck, setupSecurity } from './hosts/electron/security';
import { createMainWindow } from './hosts/electron/window';

async function start(): Promise<Lab> {
  const paths = resolvePaths();
  const isAppUrl = createAppUrlCheck(paths.devServerUrl);
  setupSecurity(isAppUrl);
  setupAppProtocol(paths.rendererDir);
  const lab = await createLab({
    dataDir: paths.dataDir,
    host: 'electron',
    sqliteNativeBinding: electronSqliteBinding(paths.appRoot),
    workerUrl: paths.workerUrl,
    files: createFileDialogs(),
    runTargetSecrets: keychainSecretStore(paths.dataDir),
  });
  const window = createMainWindow(paths);
  const teardownIpc = setupIpc({ lab, window, isAppUrl });
  window.on('closed', teardownIpc);
  return lab;
}

function main(): void {
  // A second copy would open the same database; focus the first instead.
  if (!app.requestSingleInstanceLock()) return app.quit();
  app.enableSandbox();
  registerAppScheme();

  let lab: Lab | null = null;
  let closed = false;
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
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

  app
    .whenReady()
    .then(start)
    .then((started) => {
      lab = started;
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Loss Lab could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

main();
