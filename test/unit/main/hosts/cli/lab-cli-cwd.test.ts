import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(__dirname, '../../../../..');
/** tsx's command line, found from this file, so the child needs nothing from its own cwd. */
const tsxCli = join(createRequire(import.meta.url).resolve('tsx/package.json'), '..', 'dist/cli.mjs');
const elsewhere = mkdtempSync(join(tmpdir(), 'loss-lab-elsewhere-'));
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe('npm run lab from another working directory', () => {
  it('trains a run on mnist-embedded: the worker is found from the code, not the cwd', () => {
    const result = spawnSync(
      process.execPath,
      [
        tsxCli,
        join(root, 'src/main/hosts/cli/main.ts'),
        'train',
        '--preset',
        'example-3',
        '--dataset',
        'mnist-embedded',
        '--epochs',
        '1',
        '--json',
        '--data-dir',
        join(elsewhere, 'data'),
      ],
      { cwd: elsewhere, encoding: 'utf8', timeout: 120_000 },
    );
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const last = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({ type: 'evaluation', status: 'completed' });
  });
});

describe.skipIf(!existsSync('/proc/self'))('npm run lab with a path that cannot be created', () => {
  const lab = (args: string[]) =>
    spawnSync(process.execPath, [tsxCli, join(root, 'src/main/hosts/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 });

  it('--data-dir /proc/nope/x fails at once with the reason (recursive mkdir used to spin forever)', () => {
    const result = lab(['runs', 'list', '--data-dir', '/proc/nope/x']);
    expect(result.error, 'the CLI hung and was killed').toBeUndefined();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cannot create the folder \/proc\/nope\/x/);
  });
});
