import type { PreloadApi } from '../shared/contract';

declare global {
  interface Window {
    /** Present in the Electron window (the preload's bridge); absent in browser mode. */
    api?: PreloadApi;
  }
}

export {};
