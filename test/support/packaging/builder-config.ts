/**
 * electron-builder's own reading of electron-builder.yml: its config loader and schema check, and the same
 * matchers it builds from `files` and `asarUnpack` (app-builder-lib's FileMatcher over its bundled minimatch),
 * so "is this file packed / unpacked" is answered exactly as `npm run dist` will answer it.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { FileMatcher, getFileMatchers } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger, type Filter } from 'builder-util';

export interface PackagingConfig {
  config: Configuration;
  /** Whether a file (path relative to the project: `out/main/x.js`, `node_modules/a/b`) is packed into the app. */
  packed(path: string): boolean;
  /** Whether it is unpacked next to the archive (app.asar.unpacked) rather than inside it. */
  unpacked(path: string): boolean;
}

export async function loadPackagingConfig(projectDir: string): Promise<PackagingConfig> {
  const config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  const expand = (pattern: string): string => pattern;
  const options = { macroExpander: expand, customBuildOptions: {}, globalOutDir: join(projectDir, 'dist'), defaultSrc: projectDir };
  const [files] = getFileMatchers(config, 'files', projectDir, options) ?? [];
  const [unpack] = getFileMatchers(config, 'asarUnpack', projectDir, options) ?? [];
  // node_modules: electron-builder packs the production tree, minus `files`' exclusions (getNodeModuleFileMatcher).
  const exclusions = (files?.patterns ?? []).filter((p) => p.startsWith('!'));
  const moduleFiles = new FileMatcher(projectDir, projectDir, expand, ['**/*', ...exclusions]).createFilter();
  const appFiles = files?.createFilter() ?? null;
  const unpackFilter = unpack?.createFilter() ?? null;
  const check = (filter: Filter | null, path: string): boolean => {
    if (filter === null) return false;
    // A file's stats (any file: the filters ask only "directory?"); node_modules files carry their path in
    // the app, as electron-builder's NodeModuleCopyHelper sets it, and the filters match that path.
    const stats = Object.assign(statSync(join(projectDir, 'package.json')), path.startsWith('node_modules/') ? { moduleFullFilePath: path } : {});
    return filter(join(projectDir, path), stats);
  };
  return {
    config,
    packed: (path) => (path.startsWith('node_modules/') ? check(moduleFiles, path) : check(appFiles, path)),
    unpacked: (path) => check(unpackFilter, path),
  };
}
