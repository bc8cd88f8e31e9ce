import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openQueueSettings } from '@core/queue/queue-settings';
import { parseQueueUrl } from '@core/queue/redis-url';
import { fileSecretStore } from '@core/queue/secret-store';

let dir: string;
const open = () => openQueueSettings(dir, fileSecretStore(join(dir, 'secrets.json')));
const filesText = (): string =>
  readdirSync(dir)
    .filter((f) => f !== 'secrets.json')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');

beforeEach(() => void (dir = mkdtempSync(join(tmpdir(), 'loss-lab-queue-settings-'))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the saved "Run on" choice', () => {
  it('is this machine until a queue is saved', () => {
    expect(open().read()).toEqual({ target: 'local', url: null });
  });

  it('keeps the password out of the settings file, in a secrets file only its owner can read', () => {
    open().save('queue', 'redis://:s3cret-pw@lab-server:6380');
    expect(filesText()).toContain('lab-server:6380');
    expect(filesText()).not.toContain('s3cret-pw');
    expect(statSync(join(dir, 'secrets.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toContain('s3cret-pw');
  });

  it('reads back only the redacted URL; the full one is only for connecting', () => {
    open().save('queue', 'redis://:s3cret-pw@lab-server:6380');
    const settings = open();
    expect(settings.read()).toEqual({ target: 'queue', url: 'redis://:***@lab-server:6380' });
    expect(parseQueueUrl(settings.connectionUrl() ?? '').password).toBe('s3cret-pw');
  });

  it('keeps the saved password when the redacted URL comes back, and the URL when switching to this machine', () => {
    open().save('queue', 'redis://:s3cret-pw@lab-server:6380');
    open().save('local', null);
    expect(open().read()).toEqual({ target: 'local', url: 'redis://:***@lab-server:6380' });
    open().save('queue', 'redis://:***@lab-server:6380');
    expect(parseQueueUrl(open().connectionUrl() ?? '').password).toBe('s3cret-pw');
  });

  it("refuses a URL without a password with the command line's message, saving nothing", () => {
    let cliMessage = '';
    try {
      parseQueueUrl('redis://lab-server:6379');
    } catch (error) {
      cliMessage = (error as Error).message;
    }
    expect(() => open().save('queue', 'redis://lab-server:6379')).toThrow(cliMessage);
    expect(() => open().save('queue', 'redis://:***@other-server:6379')).toThrow(/type this queue's password/);
    expect(open().read()).toEqual({ target: 'local', url: null });
  });

  it('stores only ciphertext when the host offers a keychain', () => {
    const cipher = { encrypt: (t: string) => Buffer.from([...t].reverse().join('')), decrypt: (b: Buffer) => [...b.toString()].reverse().join('') };
    const settings = openQueueSettings(dir, fileSecretStore(join(dir, 'secrets.json'), cipher));
    settings.save('queue', 'redis://:s3cret-pw@lab-server:6380');
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).not.toContain('s3cret-pw');
    expect(parseQueueUrl(settings.connectionUrl() ?? '').password).toBe('s3cret-pw');
  });
});
