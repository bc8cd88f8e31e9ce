/**
 * Files without paths: the desktop app's main process opens its own dialogs; in browser mode exports arrive as a
 * zip to download and imports are uploads of the four IDX files (`POST /uploads`, then one `PUT` a file).
 */
import type { ExportOutcome } from '@shared/contract';

/** True in the Electron window (the preload's api is there), false in browser mode. */
export function isDesktop(): boolean {
  return window.api !== undefined;
}

/** Hands a finished export to the person: downloads the zip in browser mode. Returns a line saying what happened, or null if cancelled. */
export function deliverExport(outcome: ExportOutcome): string | null {
  if (outcome.kind === 'cancelled') return null;
  if (outcome.kind === 'saved') return `Saved ${outcome.path}`;
  const bytes = Uint8Array.from(atob(outcome.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = outcome.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return `Downloaded ${outcome.fileName}`;
}

async function ok(response: Response): Promise<unknown> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = typeof body === 'object' && body !== null && 'error' in body ? String(body.error) : response.statusText;
    throw new Error(`Upload refused (${response.status}): ${error}`);
  }
  return body;
}

/** Uploads `files` (the four IDX files, raw or .gz) to the server; resolves with the upload id to import. */
export async function uploadIdxFiles(files: readonly File[]): Promise<string> {
  const started = await ok(await fetch('/uploads', { method: 'POST' }));
  const uploadId = typeof started === 'object' && started !== null && 'uploadId' in started ? String(started.uploadId) : '';
  for (const file of files) {
    await ok(await fetch(`/uploads/${uploadId}/${encodeURIComponent(file.name)}`, { method: 'PUT', body: file }));
  }
  return uploadId;
}
