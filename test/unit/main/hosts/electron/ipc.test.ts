import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '@shared/contract';
import { fake, FakeBrowserWindow, resetFakeElectron, type FakeInvokeEvent } from '@support/fake-electron';
import { createLabDouble } from '@support/lab-double';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { setupIpc } = await import('@hosts/electron/ipc');

const APP_URL = 'app://loss-lab/index.html';
const isAppUrl = (url: string): boolean => url.startsWith('app://loss-lab/');

/** The lab, its window showing the app, and the IPC hub between them. */
function hub() {
  const lab = createLabDouble();
  const window = new FakeBrowserWindow({});
  void window.loadURL(APP_URL);
  const teardown = setupIpc({ lab, window, isAppUrl });
  return { lab, window, teardown };
}

/** An invoke from the window's own top frame, optionally changed to play a foreign sender. */
function fromWindow(window: FakeBrowserWindow, change: Partial<FakeInvokeEvent['senderFrame'] & object> = {}): FakeInvokeEvent {
  const { mainFrame } = window.webContents;
  return { sender: { id: window.webContents.id }, senderFrame: { url: mainFrame.url, parent: null, processId: mainFrame.processId, ...change } };
}

function invoke(channel: string, event: FakeInvokeEvent, request: unknown = {}): unknown {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler(event, request);
}

const REFUSED = { ok: false, error: { code: 'invalid_request', message: 'Requests are only accepted from the Loss Lab window.' } };

beforeEach(resetFakeElectron);

describe('setupIpc', () => {
  it('gives every contract channel a handler that forwards to the lab', async () => {
    const { lab, window } = hub();
    expect([...fake.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) await invoke(channel, fromWindow(window), { channel });
    expect(lab.calls).toEqual(CHANNELS.map((channel) => ({ channel, request: { channel } })));
  });

  it.each<[string, (w: FakeBrowserWindow) => FakeInvokeEvent]>([
    ['another web contents', (w) => ({ ...fromWindow(w), sender: { id: w.webContents.id + 1000 } })],
    ['an iframe of the window', (w) => fromWindow(w, { parent: {} })],
    ['a frame in another renderer process', (w) => fromWindow(w, { processId: w.webContents.mainFrame.processId + 1 })],
    ['a page that is not the app', (w) => fromWindow(w, { url: 'https://example.com/' })],
    ['a frame that is gone', (w) => ({ ...fromWindow(w), senderFrame: null })],
  ])('refuses %s without calling the lab', async (_name, sender) => {
    const { lab, window } = hub();
    expect(await invoke('lab:info', sender(window))).toEqual(REFUSED);
    expect(lab.calls).toEqual([]);
  });

  it('refuses everyone once the window is destroyed', async () => {
    const { lab, window } = hub();
    const event = fromWindow(window);
    window.destroyed = true;
    expect(await invoke('lab:info', event)).toEqual(REFUSED);
    expect(lab.calls).toEqual([]);
  });

  it("sends the lab's events to the window, and none after teardown, which removes every handler", () => {
    const { lab, window, teardown } = hub();
    const progress = { path: '/data/digits', fraction: 0.5, message: 'reading' };
    lab.emit('datasets:importProgress', progress);
    expect(window.webContents.sent).toEqual([{ channel: 'datasets:importProgress', payload: progress }]);
    teardown();
    lab.emit('datasets:importProgress', { ...progress, fraction: 1 });
    expect(window.webContents.sent).toHaveLength(1);
    expect(fake.handlers.size).toBe(0);
  });
});
