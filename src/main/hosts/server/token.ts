import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The cookie that lets the page's own assets load after it was opened with `?token=…`. */
export const TOKEN_COOKIE = 'loss_lab_token';

/** 32 random bytes, URL-safe. */
export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

/** The token a request carries: `?token=` first, else the cookie. */
export function requestToken(req: IncomingMessage, url: URL): { token: string | null; fromQuery: boolean } {
  const query = url.searchParams.get('token');
  return query ? { token: query, fromQuery: true } : { token: cookieToken(req), fromQuery: false };
}
