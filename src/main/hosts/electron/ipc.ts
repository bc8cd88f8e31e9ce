import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type Result } from '../../../shared/contract';
import type { Lab } from '../../core/lab/lab-types';

const FOREIGN_SENDER: Result<never> = {
  ok: false,
  error: { code: 'invalid_request', message: 'Requests are only accepted from the Loss Lab window.' },
};

/** What the hub reads of the app's window (a BrowserWindow): whether it is gone, its contents' identity, `send`. */
export interface HubWindow {
  isDestroyed(): boolean;
  readonly webContents: { readonly id: number; readonly mainFrame: { readonly processId: number }; send(channel: string, payload: unknown): void };
}

export interface IpcHubOptions {
  lab: Lab;
  /** The app's window; only its top frame, showing an app URL, may call the lab. */
  window: HubWindow;
  isAppUrl(url: string): boolean;
}

function isTrustedSender(event: IpcMainInvokeEvent, options: IpcHubOptions): boolean {
  const frame = event.senderFrame;
  const contents = options.window.webContents;
  return (
    !options.window.isDestroyed() &&
    event.sender.id === contents.id &&
    frame !== null &&
    frame.parent === null && // the top frame, never an iframe
    frame.processId === contents.mainFrame.processId &&
    options.isAppUrl(frame.url)
  );
}

/**
 * One handler per contract channel, each forwarding to `lab.handle` (which validates the request), and every
 * lab event sent to the window. Returns a function that removes all of it.
 */
export function setupIpc(options: IpcHubOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => (isTrustedSender(event, options) ? options.lab.handle(channel, request) : FOREIGN_SENDER));
  }
  const unsubscribe = options.lab.subscribe((event, payload) => {
    if (!options.window.isDestroyed()) options.window.webContents.send(event, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}
