/**
 * Browser mode's `Transport`: the contract over one WebSocket to `npm run serve`. Messages are
 * `{id, channel, request}` → `{id, result}`, and the server pushes `{event, payload}`. The token comes from
 * the page's `?token=` (kept in sessionStorage so in-app navigation may drop it). On a lost connection every
 * pending invoke resolves to a typed `unavailable` error and the socket reconnects with backoff.
 *
 * Written against minimal structural types (no DOM lib needed) so it also runs under Node's `ws` in tests.
 */
import type { Transport } from '../../../shared/bridge';
import type { Channel, EventName, Result } from '../../../shared/contract';

/** A handler type whose parameter is checked bivariantly, so DOM and `ws` handler signatures both fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The subset of the browser's WebSocket this transport uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: Handler<unknown> | null;
  onclose: Handler<unknown> | null;
  onerror: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
}
export type WebSocketFactory = (url: string) => WebSocketLike;

export interface WsTransportOptions {
  /** Full ws:// URL including the token; default: this page's origin, path /ws, token from the page. */
  url?: string;
  createSocket?: WebSocketFactory;
  /** Reconnect delays in ms: first, then doubling up to max. */
  backoff?: { initialMs: number; maxMs: number };
}

interface BrowserGlobals {
  WebSocket?: new (url: string) => WebSocketLike;
  location?: { protocol: string; host: string; search: string };
  sessionStorage?: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

const TOKEN_KEY = 'loss-lab-token';
const OPEN = 1;
const UNAVAILABLE: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'Lost the connection to the Loss Lab server (is `npm run serve` still running?). Reconnecting…' },
};

/** The page's WebSocket URL: same host, `/ws`, with the token from `?token=` or this tab's sessionStorage. */
export function defaultWsUrl(globals: BrowserGlobals = browserGlobals()): string {
  const { location, sessionStorage } = globals;
  if (!location) throw new Error('wsTransport needs a page location or an explicit url.');
  const token = new URLSearchParams(location.search).get('token') ?? sessionStorage?.getItem(TOKEN_KEY) ?? '';
  if (token) sessionStorage?.setItem(TOKEN_KEY, token);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}

function browserGlobals(): BrowserGlobals {
  const globals: BrowserGlobals = globalThis;
  return globals;
}

function defaultFactory(): WebSocketFactory {
  const Impl = browserGlobals().WebSocket;
  if (!Impl) throw new Error('No WebSocket implementation available; pass createSocket.');
  return (url) => new Impl(url);
}

export function wsTransport(options: WsTransportOptions = {}): Transport & { close(): void } {
  const url = options.url ?? defaultWsUrl();
  const createSocket = options.createSocket ?? defaultFactory();
  const backoff = options.backoff ?? { initialMs: 250, maxMs: 5000 };
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const outbox: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let socket: WebSocketLike | null = null;
  let nextId = 1;
  let delay = backoff.initialMs;
  let retry: ReturnType<typeof setTimeout> | null = null;
  let closed = false;

  function onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    const message: { id?: unknown; result?: Result<unknown>; event?: EventName; payload?: unknown } = JSON.parse(data);
    if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result);
      pending.delete(message.id);
    } else if (message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
    }
  }

  function connect(): void {
    retry = null;
    const ws = createSocket(url);
    socket = ws;
    ws.onopen = () => {
      delay = backoff.initialMs;
      for (const text of outbox.splice(0)) ws.send(text);
    };
    ws.onmessage = (event) => onMessage(event.data);
    ws.onerror = () => undefined; // onclose follows and does the work
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      outbox.length = 0;
      for (const resolve of pending.values()) resolve(UNAVAILABLE);
      pending.clear();
      if (!closed) {
        retry = setTimeout(connect, delay);
        delay = Math.min(delay * 2, backoff.maxMs);
      }
    };
  }

  function ensureSocket(): void {
    if (!socket && !retry && !closed) connect();
  }

  return {
    invoke(channel: Channel, request: unknown): Promise<Result<unknown>> {
      if (closed) return Promise.resolve(UNAVAILABLE);
      ensureSocket();
      return new Promise((resolve) => {
        const id = nextId++;
        const text = JSON.stringify({ id, channel, request });
        if (!socket) return resolve(UNAVAILABLE); // between retries: fail fast rather than hang
        pending.set(id, resolve);
        if (socket.readyState === OPEN) socket.send(text);
        else outbox.push(text);
      });
    },
    subscribe(event, listener) {
      ensureSocket();
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    close() {
      closed = true;
      if (retry) clearTimeout(retry);
      socket?.close();
      for (const resolve of pending.values()) resolve(UNAVAILABLE);
      pending.clear();
    },
  };
}
