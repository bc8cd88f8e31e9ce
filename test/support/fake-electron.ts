/**
 * A small stand-in for the `electron` module, for unit tests of the shell (src/main/hosts/electron,
 * src/main/index.ts) where no Electron binary exists. It records what the shell asks of Electron (handlers,
 * window options, protocol handlers, quit calls) and lets a test play Electron's part (ready, a second
 * instance, quitting, an IPC call from some frame). Use it with
 * `vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule)` and call
 * `resetFakeElectron()` before each test: the shell's modules keep the objects, the state behind them is new.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';

/** What an IPC handler receives as its event: the sending contents and frame. */
export interface FakeInvokeEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: object | null; processId: number } | null;
}
type InvokeHandler = (event: FakeInvokeEvent, request: unknown) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;

/** Electron's preventable events (`before-quit`, `will-navigate`, …). */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextId = 1;

class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = { processId: 100 + this.id, url: '', parent: null };
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: (() => unknown) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return [...FakeBrowserWindow.all];
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.focused) ?? null;
  }
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  destroyed = false;
  minimized = false;
  focused = false;
  shown = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  show(): void {
    this.shown = true;
  }
  /** As a person closing it: destroyed, then 'closed'. */
  close(): void {
    this.destroyed = true;
    FakeBrowserWindow.all = FakeBrowserWindow.all.filter((w) => w !== this);
    this.emit('closed');
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  /** What requestSingleInstanceLock answers: false plays a second copy of the app. */
  gotLock = true;
  sandboxEnabled = false;
  quitCalls = 0;
  /** Set once a quit was not prevented: the process would end here. */
  quitted = false;
  exitCode: number | null = null;
  appPath = '/fake/app';
  userData = '/fake/userData';
  private markReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  enableSandbox(): void {
    this.sandboxEnabled = true;
  }
  whenReady(): Promise<void> {
    return this.ready;
  }
  /** Plays Electron finishing its start-up. */
  becomeReady(): void {
    this.markReady();
    this.emit('ready');
  }
  /** Like Electron: 'before-quit' first, and only an event nobody prevented ends the app. */
  quit(): void {
    this.quitCalls++;
    const event = new FakeEvent();
    this.emit('before-quit', event);
    if (!event.defaultPrevented) this.quitted = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  getAppPath(): string {
    return this.appPath;
  }
  getPath(name: string): string {
    if (name !== 'userData') throw new Error(`fake electron: app.getPath(${name}) is not faked`);
    return this.userData;
  }
}

/** Everything the fake records; replaced by `resetFakeElectron()`. */
function freshState() {
  return {
    app: new FakeApp(),
    handlers: new Map<string, InvokeHandler>(),
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, ProtocolHandler>(),
    permissionRequestHandler: null as ((c: unknown, p: string, callback: (granted: boolean) => void) => void) | null,
    permissionCheckHandler: null as (() => boolean) | null,
    beforeRequest: null as ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null,
    errorBoxes: [] as Array<{ title: string; content: string }>,
  };
}

export let fake = freshState();

export function resetFakeElectron(): void {
  fake = freshState();
  FakeBrowserWindow.all = [];
}

/** Forwards every app call to the current state's app, so modules holding `app` see each test's new one. */
const app = new Proxy(new FakeApp(), {
  get: (_target, key) => {
    const value: unknown = Reflect.get(fake.app, key);
    return typeof value === 'function' ? value.bind(fake.app) : value;
  },
});

/** The module the shell imports as `electron`. */
export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: InvokeHandler) => {
      if (fake.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      fake.handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => fake.handlers.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: ProtocolHandler) => fake.protocolHandlers.set(scheme, handler),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof fake.permissionRequestHandler) => (fake.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: typeof fake.permissionCheckHandler) => (fake.permissionCheckHandler = h),
      webRequest: {
        onHeadersReceived: () => undefined,
        onBeforeRequest: (h: typeof fake.beforeRequest) => (fake.beforeRequest = h),
      },
    },
  },
  dialog: {
    showErrorBox: (title: string, content: string) => fake.errorBoxes.push({ title, content }),
  },
  // No keychain, as on Linux without a keyring: the secret store keeps its 0600 file unencrypted.
  safeStorage: {
    isEncryptionAvailable: () => false,
    getSelectedStorageBackend: () => 'basic_text',
  },
};
