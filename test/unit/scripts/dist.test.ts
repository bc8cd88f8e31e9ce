import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/dist.mjs', import.meta.url));
let dir: string;
let addon: string;

/** A stand-in for electron-builder: rebuilds the addon in place (as npmRebuild does), records its args, exits `code`. */
function fakeBuilder(code: number): string {
  const file = join(dir, 'builder.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';\n` +
      `writeFileSync(${JSON.stringify(addon)}, 'electron ABI');\n` +
      `writeFileSync(${JSON.stringify(join(dir, 'args.json'))}, JSON.stringify(process.argv.slice(2)));\n` +
      `process.exit(${code});\n`,
  );
  return file;
}

function dist(code: number) {
  return spawnSync(process.execPath, [SCRIPT, '--project-dir', dir, '--builder', fakeBuilder(code), '--linux', '--publish', 'never'], {
    encoding: 'utf8',
    timeout: 30_000,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loss-lab-dist-test-'));
  addon = join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(join(addon, '..'), { recursive: true });
  writeFileSync(addon, 'node ABI');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('scripts/dist.mjs', () => {
  it("passes its arguments to electron-builder and puts node_modules' Node build of better-sqlite3 back", () => {
    const result = dist(0);
    expect(result.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'args.json'), 'utf8'))).toEqual(['--linux', '--publish', 'never']);
    expect(readFileSync(addon, 'utf8')).toBe('node ABI');
    expect(result.stdout).toContain('restored the Node build of better-sqlite3');
  });

  it("restores it when packaging fails too, and exits with electron-builder's code", () => {
    const result = dist(3);
    expect(result.status).toBe(3);
    expect(readFileSync(addon, 'utf8')).toBe('node ABI');
  });
});
