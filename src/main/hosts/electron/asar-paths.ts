/**
 * A packaged Loss Lab keeps its files in `resources/app.asar`, an archive that Electron's patched `fs`,
 * module loaders and worker threads read as a folder. What is loaded past those patches (a native addon and
 * the libraries it links, files opened by path) electron-builder unpacks into `resources/app.asar.unpacked/`
 * under the same relative path (`asarUnpack` in electron-builder.yml). This maps a path inside the archive to
 * its unpacked twin; outside an archive (dev, preview, tests) it returns the path unchanged.
 */

/** `app.asar` as a whole path segment, followed by a separator or the end; never `app.asar.unpacked` itself. */
const ARCHIVE_SEGMENT = /([\\/])app\.asar(?=[\\/]|$)/;

/** The unpacked twin of `path` (either separator, as on Windows), or `path` when it is not inside app.asar. */
export function unpackedPath(path: string): string {
  return path.replace(ARCHIVE_SEGMENT, '$1app.asar.unpacked');
}
