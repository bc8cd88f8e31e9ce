/**
 * Builds the typed `LabApi` from a transport. The preload (Electron IPC) and browser mode (WebSocket) each
 * supply a transport; the verbs themselves are generated from the contract's channel names.
 */
import { CHANNELS, EVENT_NAMES, type Channel, type EventName, type LabApi, type LabErrorData, type PreloadApi, type Result } from './contract';

export interface Transport {
  invoke(channel: Channel, request: unknown): Promise<Result<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** Thrown in the renderer when an invoke fails; carries the core's typed error. */
export class LabError extends Error implements LabErrorData {
  constructor(
    readonly code: LabErrorData['code'],
    message: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

const eventVerb = (verb: string): string => `on${verb[0].toUpperCase()}${verb.slice(1)}`;

/** One function per channel and per event, named `domain.verb` / `domain.onVerb` from the contract. */
function generateVerbs(transport: Transport, settle: (result: Result<unknown>) => unknown): Record<string, Record<string, unknown>> {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string): Record<string, unknown> => (api[name.split(':')[0]] ??= {});
  for (const channel of CHANNELS) {
    domain(channel)[channel.split(':')[1]] = async (request?: unknown) => settle(await transport.invoke(channel, request));
  }
  for (const event of EVENT_NAMES) {
    domain(event)[eventVerb(event.split(':')[1])] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  }
  return api;
}

const unwrap = (result: Result<unknown>): unknown => {
  if (!result.ok) throw new LabError(result.error.code, result.error.message);
  return result.value;
};

/** The renderer's (and the CLI's) api: verbs resolve to the response or throw a LabError. */
export function buildApi(transport: Transport): LabApi {
  return generateVerbs(transport, unwrap) as unknown as LabApi;
}

/** The preload's `window.api`: the same verbs, resolving to the Result, since contextBridge drops error codes. */
export function buildPreloadApi(transport: Transport): PreloadApi {
  return generateVerbs(transport, (result) => result) as unknown as PreloadApi;
}

/** A transport over the preload's verbs, so the renderer can `buildApi` on it like on any other transport. */
export function preloadTransport(api: PreloadApi): Transport {
  const verbs = api as unknown as Record<string, Record<string, (arg: unknown) => unknown>>;
  return {
    invoke: (channel, request) => {
      const [domain, verb] = channel.split(':');
      return verbs[domain][verb](request) as Promise<Result<unknown>>;
    },
    subscribe: (event, listener) => {
      const [domain, verb] = event.split(':');
      return verbs[domain][eventVerb(verb)](listener) as () => void;
    },
  };
}
