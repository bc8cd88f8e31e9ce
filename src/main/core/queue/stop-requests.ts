/** How an owner asks the worker training a job to stop it: a short-lived Redis key the worker polls. */
import type { Redis } from 'ioredis';

const stopKey = (jobId: string): string => `loss-lab:stop:${jobId}`;
/** Seconds a stop request lives: long enough for any worker to see it, short enough to leave nothing behind. */
const STOP_TTL_SECONDS = 600;

export async function requestStop(redis: Redis, jobId: string): Promise<void> {
  await redis.set(stopKey(jobId), '1', 'EX', STOP_TTL_SECONDS);
}

export async function stopRequested(redis: Redis, jobId: string): Promise<boolean> {
  return (await redis.exists(stopKey(jobId))) === 1;
}

export async function clearStopRequest(redis: Redis, jobId: string): Promise<void> {
  await redis.del(stopKey(jobId));
}
