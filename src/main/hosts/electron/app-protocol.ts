import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../common/csp';
import { readStaticFile } from '../common/static-files';

/**
 * The built renderer is served from `app://loss-lab/` rather than file://: a standard, secure origin whose
 * pages cannot read the rest of the disk, and whose responses carry the CSP as a real header.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'loss-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves `rendererDir` under APP_ORIGIN; anything outside it or any other host is a 404. */
export function setupAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? await readStaticFile(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'Content-Type': file.contentType,
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
