import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/ensure-electron.mjs', import.meta.url));
let dir: string;

/** A stand-in for node_modules/electron whose installer fails the way it does offline. */
function fakeElectron(installed: boolean): string {
  const electronDir = join(dir, 'electron');
  mkdirSync(electronDir, { recursive: true });
  writeFileSync(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', version: '99.1.2' }));
  writeFileSync(
    join(electronDir, 'install.js'),
    "console.error('RequestError: getaddrinfo ENOTFOUND github.com');\nconsole.error('    at ClientRequest.<anonymous> (got.js:1:1)');\nprocess.exit(1);\n",
  );
  if (installed) {
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
  }
  return electronDir;
}

function ensure(electronDir: string) {
  return spawnSync(process.execPath, [SCRIPT, '--project-dir', dir, '--electron-dir', electronDir, '--sqlite-dir', join(dir, 'missing-sqlite')], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-ensure-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/ensure-electron.mjs', () => {
  it('says what failed and what to do when the binary cannot be downloaded', () => {
    const result = ensure(fakeElectron(false));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Could not download the Electron 99.1.2 binary');
    expect(result.stderr).toContain('The installer said:\nRequestError: getaddrinfo ENOTFOUND github.com\nWhat to do:');
    expect(result.stderr).toContain('run `node scripts/ensure-electron.mjs` again');
    expect(result.stderr).toContain('npm run serve');
  });

  it('does nothing when the binary and the Electron build of better-sqlite3 are both there', () => {
    const native = join(dir, '.electron-native', '99.1.2');
    mkdirSync(native, { recursive: true });
    writeFileSync(join(native, 'better_sqlite3.node'), '');
    const result = ensure(fakeElectron(true));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Electron 99.1.2 is ready.\n');
  });
});
