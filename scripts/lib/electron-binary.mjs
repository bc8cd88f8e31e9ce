import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, SetupError } from './run.mjs';

/**
 * The Electron binary: installed when node_modules/electron/path.txt names an executable under dist/.
 * @param {string} electronDir node_modules/electron
 */
export function electronBinaryInstalled(electronDir) {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

/**
 * Downloads the Electron binary with the electron package's own installer, once.
 * @param {string} electronDir
 * @param {string} version
 */
export async function ensureElectronBinary(electronDir, version) {
  if (electronBinaryInstalled(electronDir)) return;
  console.log(`Electron ${version}: binary missing (${join(electronDir, 'dist')}), downloading it once…`);
  const { code, tail } = await run(process.execPath, [join(electronDir, 'install.js')], { cwd: electronDir, label: 'electron install' });
  if (code === 0 && electronBinaryInstalled(electronDir)) return;
  throw new SetupError(
    [
      `Could not download the Electron ${version} binary into ${join(electronDir, 'dist')} (installer exit code ${code}).`,
      tail ? `The installer said:\n${tail}` : 'The installer printed nothing.',
      'What to do:',
      '  - connect to the network (it downloads from github.com/electron/electron/releases) and run `node scripts/ensure-electron.mjs` again;',
      '  - behind a proxy or mirror, set ELECTRON_MIRROR (and HTTPS_PROXY), or put a downloaded zip in the cache named by electron_config_cache;',
      '  - or use browser mode, which needs no Electron: `npm run serve`.',
    ].join('\n'),
  );
}
