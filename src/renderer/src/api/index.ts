/**
 * The one api module: every store reaches the core through `labApi()`. In Electron the preload has put the
 * typed api on `window`; in browser mode there is no preload, so the same api is built over a WebSocket.
 */
import { buildApi, preloadTransport } from '@shared/bridge';
import type { LabApi } from '@shared/contract';
import { wsTransport } from './ws-transport';

let instance: LabApi | null = null;

/** The api, created on first use (not at import, so importing a store opens no socket). */
export function labApi(): LabApi {
  return (instance ??= buildApi(window.api ? preloadTransport(window.api) : wsTransport()));
}

/** The message a person should read for a failed request (a LabError's message, or any error's). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Something went wrong (no details were given).';
}
