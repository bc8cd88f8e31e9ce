/**
 * A packaged Loss Lab keeps its files in `resources/app.asar`, an archive only Electron's patched `fs` and
 * `require` can read. Whatever is read past those patches (a worker thread's ESM loader and the packages it
 * imports, a native addon) is unpacked by electron-builder into `resources/app.asar.unpacked/` under the same
 * relative path (`asarUnpack` in electron-builder.yml). These functions map a path inside the archive to its
 * unpacked twin; outside an archive (dev, preview, tests) they return the path unchanged.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `app.asar` as a whole path segment, followed by a separator or the end; never `app.asar.unpacked` itself. */
const ARCHIVE_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/** The unpacked twin of `path` (either separator, as on Windows), or `path` when it is not inside app.asar. */
export function unpackedPath(path: string): string {
  return path.replace(ARCHIVE_SEGMENT, '$1app.asar.unpacked');
}

/** The same for a file: URL (the worker's URL is built from `import.meta.url`). */
export function unpackedUrl(url: URL): URL {
  if (url.protocol !== 'file:') return url;
  const path = fileURLToPath(url);
  const unpacked = unpackedPath(path);
  return unpacked === path ? url : pathToFileURL(unpacked);
}
