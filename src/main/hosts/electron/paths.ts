import { app } from 'electron';
import { fileURLToPath } from 'node:url';
import { sqliteBindingPath } from './native-sqlite';

/** Where the shell finds its files and keeps its data. */
export interface ShellPaths {
  /** The lab's data folder: Electron's per-user `userData`. */
  dataDir: string;
  /** The built renderer (out/renderer), served under the app:// protocol; read through Electron's asar fs. */
  rendererDir: string;
  /** The built preload (out/preload/index.cjs); Electron reads it from the archive itself. */
  preload: string;
  /** The built training worker, next to the main bundle (inside app.asar when packaged: worker threads read it). */
  workerUrl: URL;
  /** better_sqlite3.node built for Electron's ABI (see native-sqlite.ts). */
  sqliteBinding: string;
  /** Vite's dev server, set by `electron-vite dev`; null in a built app. */
  devServerUrl: string | null;
  /** Installed by electron-builder (app.asar) rather than run from the project (dev, preview). */
  packaged: boolean;
}

/** What `resolvePaths` reads from Electron and the process: plain values, so a test can fake a packaged layout. */
export interface ShellEnvironment {
  isPackaged: boolean;
  /** `app.getAppPath()`: the project root in dev and preview, `<resources>/app.asar` when packaged. */
  appPath: string;
  userData: string;
  /** `import.meta.url` of the main bundle, out/main/index.js. */
  mainBundleUrl: string;
  /** ELECTRON_RENDERER_URL, set by `electron-vite dev`. */
  rendererUrl: string | undefined;
  electronVersion: string;
}

export function shellPathsFor(env: ShellEnvironment): ShellPaths {
  return {
    dataDir: env.userData,
    rendererDir: fileURLToPath(new URL('../renderer', env.mainBundleUrl)),
    preload: fileURLToPath(new URL('../preload/index.cjs', env.mainBundleUrl)),
    workerUrl: new URL('./training-worker.js', env.mainBundleUrl),
    sqliteBinding: sqliteBindingPath(env.appPath, env.isPackaged, env.electronVersion),
    // A packaged app never loads a dev server, whatever the environment says.
    devServerUrl: env.isPackaged ? null : (env.rendererUrl ?? null),
    packaged: env.isPackaged,
  };
}

/** The shell's paths in this process. Call after `app` is ready. */
export function resolvePaths(): ShellPaths {
  return shellPathsFor({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    userData: app.getPath('userData'),
    mainBundleUrl: import.meta.url,
    rendererUrl: process.env['ELECTRON_RENDERER_URL'],
    electronVersion: process.versions.electron,
  });
}
