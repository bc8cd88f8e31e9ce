import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeEvent, resetFakeElectron } from '@support/fake-electron';

vi.mock('electron', async () => (await import('@support/fake-electron')).electronModule);
const { createAppUrlCheck, setupSecurity } = await import('@hosts/electron/security');

/** A web contents as Electron announces it in 'web-contents-created'. */
class Contents extends EventEmitter {
  openHandler: (() => unknown) | null = null;
  setWindowOpenHandler(handler: () => unknown): void {
    this.openHandler = handler;
  }
}

beforeEach(resetFakeElectron);

describe('createAppUrlCheck', () => {
  it('accepts the app origin and, in dev, the dev server and its HMR socket; nothing else', () => {
    const built = createAppUrlCheck(null);
    const dev = createAppUrlCheck('http://localhost:5173/');
    expect(built('app://loss-lab/index.html')).toBe(true);
    expect(built('app://other/index.html')).toBe(false);
    expect(built('app://loss-lab.evil/index.html')).toBe(false);
    expect(built('file:///app/out/renderer/index.html')).toBe(false);
    expect(built('http://localhost:5173/')).toBe(false);
    expect(built('not a url')).toBe(false);
    expect(dev('http://localhost:5173/src/main.ts')).toBe(true);
    expect(dev('ws://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5174/')).toBe(false);
    expect(dev('https://example.com/')).toBe(false);
  });
});

describe('setupSecurity', () => {
  it('stops navigation, redirects, webviews and new windows in every web contents', () => {
    setupSecurity(createAppUrlCheck(null));
    const contents = new Contents();
    fake.app.emit('web-contents-created', new FakeEvent(), contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = new FakeEvent();
      contents.emit(name, event);
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.openHandler?.()).toEqual({ action: 'deny' });
  });

  it('grants no permission and lets no request leave the app', () => {
    setupSecurity(createAppUrlCheck(null));
    const granted: boolean[] = [];
    fake.permissionRequestHandler?.({}, 'media', (answer) => granted.push(answer));
    expect(granted).toEqual([false]);
    expect(fake.permissionCheckHandler?.()).toBe(false);
    const cancelled = (url: string): boolean | undefined => {
      let answer: boolean | undefined;
      fake.beforeRequest?.({ url }, ({ cancel }) => (answer = cancel));
      return answer;
    };
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('app://loss-lab/assets/index.js')).toBe(false);
    expect(cancelled('data:image/png;base64,AA==')).toBe(false);
  });
});
