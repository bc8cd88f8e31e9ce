import { app } from 'electron';
import { fileURLToPath } from 'node:url';

/** Where the shell finds its files and keeps its data. Call after `app` is ready. */
export interface ShellPaths {
  /** The lab's data folder: Electron's per-user `userData`. */
  dataDir: string;
  /** The built renderer (out/renderer), served under the app:// protocol. */
  rendererDir: string;
  /** The built preload (out/preload/index.cjs). */
  preload: string;
  /** The built training worker, next to this bundle. */
  workerUrl: URL;
  /** The project root (dev, preview) or the packaged app's root. */
  appRoot: string;
  /** Vite's dev server, set by `electron-vite dev`; null in a built app. */
  devServerUrl: string | null;
}

export function resolvePaths(): ShellPaths {
  const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;
  return {
    dataDir: app.getPath('userData'),
    rendererDir: fileURLToPath(new URL('../renderer', import.meta.url)),
    preload: fileURLToPath(new URL('../preload/index.cjs', import.meta.url)),
    workerUrl: new URL('./training-worker.js', import.meta.url),
    appRoot: app.getAppPath(),
    devServerUrl,
  };
}

