import { app, session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../common/csp';

/** True for the app's own pages: the app:// origin, or Vite's dev server during `electron-vite dev`. */
export function createAppUrlCheck(devServerUrl: string | null): (url: string) => boolean {
  const devOrigin = devServerUrl ? new URL(devServerUrl).origin : null;
  return (url) => {
    try {
      const parsed = new URL(url);
      // Compared by scheme and host: Node's URL gives a custom scheme the opaque origin "null" (Chromium's
      // privileged-scheme registration does not reach main's URL parser), so `origin` cannot say app://.
      if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host === APP_HOST;
      // The dev server's HMR socket shares its page's host and port.
      const origin = parsed.protocol === 'ws:' || parsed.protocol === 'wss:' ? `http${parsed.protocol.slice(2, -1)}://${parsed.host}` : parsed.origin;
      return devOrigin !== null && origin === devOrigin;
    } catch {
      return false;
    }
  };
}

/**
 * App-wide guards, for every web contents that will ever exist: no navigation, no new windows, no
 * <webview>, no permissions, and the CSP header on the dev server's pages (app:// sets its own).
 */
export function setupSecurity(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url)) return callback({ responseHeaders: details.responseHeaders });
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // No remote content: anything that is not the app's own origin (or devtools) never leaves the machine.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('data:') || details.url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
}
