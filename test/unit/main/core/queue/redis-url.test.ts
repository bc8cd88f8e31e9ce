import { describe, expect, it } from 'vitest';
import { parseQueueUrl, QueueUrlError, redacted } from '@core/queue/redis-url';

describe('parseQueueUrl', () => {
  it('reads host, port, password, database and TLS', () => {
    expect(parseQueueUrl('redis://:s3cret@lab-server:6380/2')).toMatchObject({
      host: 'lab-server',
      port: 6380,
      password: 's3cret',
      db: 2,
      tls: false,
      username: undefined,
    });
    expect(parseQueueUrl('rediss://worker:p%40ss@redis.example.org')).toMatchObject({
      host: 'redis.example.org',
      port: 6379,
      username: 'worker',
      password: 'p@ss',
      db: 0,
      tls: true,
    });
  });

  it('refuses a Redis without a password, saying why and how to give one', () => {
    expect(() => parseQueueUrl('redis://lab-server:6379')).toThrow(QueueUrlError);
    expect(() => parseQueueUrl('redis://lab-server:6379')).toThrow(/has no password: .*--requirepass.*redis:\/\/:PASSWORD@HOST:6379/);
  });

  it('refuses other schemes and non-URLs without echoing the password', () => {
    const error = (() => {
      try {
        parseQueueUrl('http://:topsecret@lab-server:6379');
      } catch (e) {
        return e as Error;
      }
      throw new Error('accepted an http URL');
    })();
    expect(error.message).toMatch(/must be a redis:\/\/ or rediss:\/\/ URL/);
    expect(error.message).not.toContain('topsecret');
    expect(() => parseQueueUrl('lab-server')).toThrow(/is not a URL/);
    expect(() => parseQueueUrl('redis://:pw@host:6379/x')).toThrow(/not a database number/);
  });
});

describe('redacted', () => {
  it('replaces the password and keeps the rest', () => {
    expect(redacted('redis://:s3cret@lab-server:6379')).toBe('redis://:***@lab-server:6379');
    expect(redacted('rediss://user:s3cret@h:1/3')).toBe('rediss://user:***@h:1/3');
    expect(redacted('redis://h:1')).toBe('redis://h:1');
    expect(redacted('not a url s3cret')).not.toContain('s3cret');
  });

  it('is what a parsed address shows', () => {
    expect(parseQueueUrl('redis://:s3cret@h:6379').redacted).toBe('redis://:***@h:6379');
  });
});
