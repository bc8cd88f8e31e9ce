/**
 * Which page origins may open browser mode's WebSocket. Judged against the address the server bound, never
 * against the request's own Host header: a DNS-rebinding page sends a Host and an Origin that agree with
 * each other (both the attacker's name), so comparing them proves nothing.
 */
import { isIP } from 'node:net';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const WILDCARD = new Set(['0.0.0.0', '::', '']);

/**
 * True when `origin` is a page served by this server, bound to `boundHost` on `port`. A loopback bind
 * also accepts its other loopback spellings (localhost cannot be rebound to another machine); a wildcard
 * bind accepts pages addressed by an IP literal on that port (an IP literal cannot be rebound either).
 */
export function isOwnOrigin(origin: string, boundHost: string, port: number): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' || parsed.origin !== origin || Number(parsed.port || 80) !== port) return false;
  const hostname = parsed.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (LOOPBACK.has(boundHost)) return LOOPBACK.has(hostname);
  if (WILDCARD.has(boundHost)) return isIP(hostname) !== 0;
  return hostname === boundHost.toLowerCase();
}
