/** Redis connections for BullMQ and for the dataset transfer, from a checked queue address. */
import { Redis, type RedisOptions } from 'ioredis';
import type { QueueAddress } from './redis-url';

/**
 * ioredis options for `address`. `maxRetriesPerRequest: null` is what BullMQ workers need (a command waits
 * for the connection to come back instead of failing); reconnects back off to 2 s.
 */
export function redisOptions(address: QueueAddress): RedisOptions {
  return {
    host: address.host,
    port: address.port,
    username: address.username,
    password: address.password,
    db: address.db,
    tls: address.tls ? { servername: address.host } : undefined,
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(200 * times, 2000),
  };
}

/** A new connection to the queue's Redis (lazy: it connects on first use or `connect()`). */
export function connectRedis(address: QueueAddress, lazyConnect = false): Redis {
  return new Redis({ ...redisOptions(address), lazyConnect });
}
