/**
 * Builds the typed `LabApi` from a transport. The preload (Electron IPC) and browser mode (WebSocket) each
 * supply a transport; the verbs themselves are generated from the contract's channel names.
 */
import { CHANNELS, EVENT_NAMES, type Channel, type EventName, type Events, type LabApi, type LabErrorData, type Result } from './contract';

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

export function buildApi(transport: Transport): LabApi {
  const api: Record<string, Record<string, unknown>> = {};
  const domain = (name: string): Record<string, unknown> => {
    const [d] = name.split(':');
    return (api[d] ??= {});
  };
  for (const channel of CHANNELS) {
    const verb = channel.split(':')[1];
    domain(channel)[verb] = async (request?: unknown) => {
      const result = await transport.invoke(channel, request);
      if (!result.ok) throw new LabError(result.error.code, result.error.message);
      return result.value;
    };
  }
  for (const event of EVENT_NAMES) {
    const verb = event.split(':')[1];
    domain(event)[`on${verb[0].toUpperCase()}${verb.slice(1)}`] = (listener: (p: Events[typeof event]) => void) =>
      transport.subscribe(event, listener as (payload: unknown) => void);
  }
  return api as unknown as LabApi;
}
