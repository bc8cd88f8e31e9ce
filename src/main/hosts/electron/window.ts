import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import type { ShellPaths } from './paths';

/** The one app window. Sandboxed, isolated, no Node; shown once the first paint is ready. */
export function createMainWindow(paths: ShellPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Loss Lab',
    autoHideMenuBar: true,
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise try to open links in new windows (denied anyway by the open handler).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(paths.devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}
