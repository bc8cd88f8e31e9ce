import type { LabApi } from '../shared/contract';

declare global {
  interface Window {
    /** Present in the Electron window (the preload's bridge); absent in browser mode. */
    api?: LabApi;
  }
}

export {};
