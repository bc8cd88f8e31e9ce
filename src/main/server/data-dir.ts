import { homedir } from 'node:os';
import { join } from 'node:path';

const APP_DIR = 'loss-lab';

/**
 * The per-user data folder of browser mode and the CLI, following each platform's convention:
 * Linux `$XDG_DATA_HOME/loss-lab` (default `~/.local/share/loss-lab`), macOS
 * `~/Library/Application Support/loss-lab`, Windows `%APPDATA%\loss-lab`.
 * The Electron app uses Electron's `userData` folder instead.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env['APPDATA'] || join(home, 'AppData', 'Roaming'), APP_DIR);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_DIR);
  const xdg = env['XDG_DATA_HOME'];
  // The XDG spec says to ignore a relative XDG_DATA_HOME.
  return join(xdg && xdg.startsWith('/') ? xdg : join(home, '.local', 'share'), APP_DIR);
}
