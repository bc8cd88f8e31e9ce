/**
 * The Electron entry point: the only module with side effects at import. It wires the Electron host
 * (hosts/electron) to the core's lab; the app's life itself is `startDesktopApp`.
 */
import { createLab } from './core/lab/create-lab';
import { startDesktopApp } from './hosts/electron/desktop-app';
import { createFileDialogs } from './hosts/electron/file-dialogs';
import { keychainSecretStore } from './hosts/electron/keychain';
import { requireSqliteBinding } from './hosts/electron/native-sqlite';

void startDesktopApp({
  openLab: (paths) =>
    createLab({
      dataDir: paths.dataDir,
      host: 'electron',
      sqliteNativeBinding: requireSqliteBinding(paths.sqliteBinding, paths.packaged),
      workerUrl: paths.workerUrl,
      files: createFileDialogs(),
      runTargetSecrets: keychainSecretStore(paths.dataDir),
    }),
});
