/**
 * Exposes the typed `LabApi` as `window.api`, over Electron IPC. Verbs only, no logic: the sandboxed
 * preload bundles the contract and nothing else.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildApi, type Transport } from '../shared/bridge';
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

contextBridge.exposeInMainWorld('api', buildApi(ipcTransport));
