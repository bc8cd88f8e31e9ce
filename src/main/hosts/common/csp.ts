/**
 * The Content-Security-Policy of every page the app serves: the Electron window (its `app://` protocol and the
 * dev server) and browser mode's HTTP server. Electron-free so both hosts share one string.
 *
 * - scripts only from the app itself: no inline script, no eval, no remote code;
 * - `style-src 'unsafe-inline'` because Vue's dev build injects <style> tags and ECharts' tooltips carry
 *   inline `style` attributes in the HTML they insert; styles cannot run code. Checked on the built renderer
 *   with `style-src 'self'`: every view renders with no violation (Vue's `:style` bindings go through the CSSOM,
 *   which CSP allows), but hovering a run's charts logged 77 violations, all from ECharts' HTML tooltips. Dropping
 *   it needs the charts' tooltips switched to `renderMode: 'richText'` (drawn on the canvas) first;
 * - `connect-src 'self'` covers browser mode's same-origin WebSocket (CSP 3 lets 'self' match ws:) and the
 *   dev server's HMR socket; the Electron build talks to main over IPC and needs no network at all.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
