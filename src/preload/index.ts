/**
 * Exposes the typed `PreloadApi` as `window.api` over Electron IPC: the contract's verbs, resolving to a Result
 * (contextBridge would drop a thrown error's code). No logic: the sandboxed preload bundles the contract only.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildPreloadApi, type Transport } from '../shared/bridge';
import type { Result } from '../shared/contract';

const ipcTransport: Transport = {
  invoke: (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  subscribe(event, listener) {
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('api', buildPreloadApi(ipcTransport));
