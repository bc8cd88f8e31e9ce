/**
 * Whether the queue's Redis answers, said once per outage: the first connection must succeed within a few
 * seconds (else a clear error naming the redacted URL); later outages are logged once, and listeners hear when
 * it is back, so dispatch resumes by itself.
 */
import type { Redis } from 'ioredis';
import { CoreError } from '../errors';
import type { QueueAddress } from './redis-url';

/** The queue's Redis did not answer in time: `unavailable`, as the run target says when it cannot switch to it. */
export class QueueUnreachableError extends CoreError {
  constructor(message: string) {
    super('unavailable', message);
    this.name = 'QueueUnreachableError';
  }
}

export interface ConnectionWatch {
  readonly ready: boolean;
  /** Called each time the connection is back after an outage. */
  onReady(listener: () => void): void;
  close(): void;
}

/** How long the first connection may take before the queue counts as unreachable. */
export const CONNECT_TIMEOUT_MS = 5000;

export async function watchConnection(
  redis: Redis,
  address: QueueAddress,
  log: (line: string) => void,
  timeoutMs = CONNECT_TIMEOUT_MS,
): Promise<ConnectionWatch> {
  let lastError = 'no answer';
  const onFirstError = (error: Error): void => void (lastError = error.message || error.name);
  redis.on('error', onFirstError);
  await new Promise<void>((resolve, reject) => {
    if (redis.status === 'ready') return resolve();
    const timer = setTimeout(() => {
      redis.off('ready', onReady);
      reject(
        new QueueUnreachableError(
          `cannot reach the queue at ${address.redacted}: ${lastError}. Is redis-server running there, and are the host, port and password right?`,
        ),
      );
    }, timeoutMs);
    const onReady = (): void => {
      clearTimeout(timer);
      resolve();
    };
    redis.once('ready', onReady);
  });
  redis.off('error', onFirstError);

  let ready = true;
  let closed = false;
  const listeners: (() => void)[] = [];
  const down = (reason: string): void => {
    if (!ready || closed) return;
    ready = false;
    log(`the queue at ${address.redacted} is unreachable (${reason}); queued runs stay queued and dispatch resumes when it is back`);
  };
  redis.on('error', (error: Error) => down(error.message || error.name));
  redis.on('close', () => down('connection closed'));
  redis.on('ready', () => {
    if (ready || closed) return;
    ready = true;
    log(`the queue at ${address.redacted} is back`);
    for (const listener of listeners) listener();
  });
  return {
    get ready() {
      return ready && !closed;
    },
    onReady: (listener) => void listeners.push(listener),
    close: () => void (closed = true),
  };
}
