/**
 * The app's "Run on" choice, saved in the data directory: `run-target.json` holds the target and the queue
 * URL without its password; the password goes to a SecretStore. Reads give the URL redacted; only
 * `connectionUrl` (for the Redis client) puts the password back.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunTargetSetting } from '../../../shared/run-target';
import { parseQueueUrl, QueueUrlError, redacted } from './redis-url';
import type { SecretStore } from './secret-store';

const FILE = 'run-target.json';
const PASSWORD = 'queue-password';

interface SavedTarget {
  target: 'local' | 'queue';
  /** Without a password. */
  url: string | null;
}

export interface QueueSettings {
  /** The saved choice, its URL redacted. */
  read(): RunTargetSetting;
  /** The saved queue URL with its password, for connecting; undefined when none is saved. */
  connectionUrl(): string | undefined;
  /**
   * Checks and returns the full URL of a choice before it is saved: a URL without a password is refused
   * (QueueUrlError, as on the command line), except the saved URL shown back redacted (`***`), which keeps the
   * saved password.
   */
  resolve(url: string): string;
  save(target: 'local' | 'queue', url: string | null): void;
}

const withoutPassword = (url: string): string => {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
};

export function openQueueSettings(dataDir: string, secrets: SecretStore): QueueSettings {
  const path = join(dataDir, FILE);
  const saved = (): SavedTarget => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SavedTarget) : { target: 'local', url: null });
  const connectionUrl = (): string | undefined => {
    const { url } = saved();
    const password = secrets.get(PASSWORD);
    if (url === null || password === undefined) return undefined;
    const parsed = new URL(url);
    parsed.password = encodeURIComponent(password);
    return parsed.toString();
  };
  const resolve = (url: string): string => {
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    const current = connectionUrl();
    if (parsed?.password === '***') {
      if (current !== undefined && withoutPassword(url) === withoutPassword(current)) return current;
      throw new QueueUrlError(`${redacted(url)}: *** stands for the saved password of another queue URL; type this queue's password`);
    }
    parseQueueUrl(url);
    return url;
  };
  return {
    read() {
      const { target } = saved();
      const url = connectionUrl();
      return { target, url: url === undefined ? null : redacted(url) };
    },
    connectionUrl,
    resolve,
    save(target, url) {
      if (target === 'queue' && url === null) throw new QueueUrlError('choose a queue URL: redis://:PASSWORD@HOST:6379');
      if (url === null) {
        writeFileSync(path, JSON.stringify({ ...saved(), target }));
        return;
      }
      const full = resolve(url);
      const address = parseQueueUrl(full);
      secrets.set(PASSWORD, address.password);
      writeFileSync(path, JSON.stringify({ target, url: withoutPassword(full) } satisfies SavedTarget));
    },
  };
}
