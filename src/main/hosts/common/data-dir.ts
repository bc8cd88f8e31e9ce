import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_DIR = 'loss-lab';

/**
 * The per-user data folder of browser mode and the CLI. It is the folder Electron's
 * `app.getPath('userData')` gives the desktop app (appData + the package name), so all three hosts share
 * one history: Linux `$XDG_CONFIG_HOME/loss-lab` (default `~/.config/loss-lab`), macOS
 * `~/Library/Application Support/loss-lab`, Windows `%APPDATA%\loss-lab`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home: string = homedir()): string {
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR);
  const xdg = env['XDG_CONFIG_HOME'];
  // The XDG spec says to ignore a relative XDG_CONFIG_HOME; Electron does the same.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.config'), APP_DIR);
}
