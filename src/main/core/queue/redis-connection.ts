/** Redis connections for BullMQ and for the dataset transfer, from a checked queue address. */
import type { RedisOptions } from 'bullmq';
import { Redis } from 'ioredis';
import type { QueueAddress } from './redis-url';

/**
 * `maxRetriesPerRequest: null` is what BullMQ workers need (a command waits for the connection to come back
 * instead of failing); reconnects back off to 2 s, forever.
 */
const optionsOf = (address: QueueAddress) => ({
  host: address.host,
  port: address.port,
  username: address.username,
  password: address.password,
  db: address.db,
  tls: address.tls ? { servername: address.host } : undefined,
  maxRetriesPerRequest: null,
  retryStrategy: (times: number): number => Math.min(200 * times, 2000),
});

/** Connection options for BullMQ's Queue, Worker and QueueEvents. */
export const redisOptions = (address: QueueAddress): RedisOptions => optionsOf(address);

/** A new connection to the queue's Redis (it connects at once, and again whenever it is lost). */
export const connectRedis = (address: QueueAddress): Redis => new Redis(optionsOf(address));
