/**
 * The queue's address: `redis://:PASSWORD@host:port[/db]` or `rediss://…` (TLS). A URL without a password is
 * refused: jobs carry configs and datasets, and a Redis without one lets anyone on the network read or add
 * them. Every message, log line and screen shows the URL through `redacted`, never the password.
 */
import { CoreError } from '../errors';

export interface QueueAddress {
  /** The URL as given (holds the password: hand it only to the Redis client). */
  url: string;
  /** The URL with the password replaced by `***`, for messages. */
  redacted: string;
  host: string;
  port: number;
  username: string | undefined;
  password: string;
  db: number;
  tls: boolean;
}

/** A queue URL that cannot be used; the message says what is wrong and what to do. */
export class QueueUrlError extends CoreError {
  constructor(message: string) {
    super('invalid_request', message);
    this.name = 'QueueUrlError';
  }
}

/** `url` with any password replaced by `***`; text that is not a URL is returned as `(an unreadable queue URL)`. */
export function redacted(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(an unreadable queue URL)';
  }
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Parses and checks a queue URL; throws QueueUrlError saying what is wrong and what to do. */
export function parseQueueUrl(url: string): QueueAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueUrlError(`"${redacted(url)}" is not a URL; give the queue as redis://:PASSWORD@HOST:6379 (or rediss:// for TLS)`);
  }
  const shown = redacted(url);
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new QueueUrlError(`${shown}: the queue must be a redis:// or rediss:// URL, e.g. redis://:PASSWORD@HOST:6379`);
  }
  if (!parsed.hostname) throw new QueueUrlError(`${shown}: the URL names no host; e.g. redis://:PASSWORD@HOST:6379`);
  const password = decodeURIComponent(parsed.password);
  if (!password) {
    throw new QueueUrlError(
      `${shown} has no password: Loss Lab refuses a Redis anyone on the network could use. Set one (redis-server --requirepass …, ` +
        'or requirepass in redis.conf) and give it as redis://:PASSWORD@HOST:6379',
    );
  }
  const port = parsed.port ? Number(parsed.port) : 6379;
  const path = parsed.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0) throw new QueueUrlError(`${shown}: "/${path}" is not a database number (0, 1, …)`);
  return {
    url,
    redacted: shown,
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password,
    db,
    tls: parsed.protocol === 'rediss:',
  };
}
