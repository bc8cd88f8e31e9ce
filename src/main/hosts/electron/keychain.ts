/**
 * The queue password's store in the desktop app: the 0600 secrets file in the data folder, its contents
 * encrypted by Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet) where it is
 * available; plain in that 0600 file where it is not.
 */
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { fileSecretStore, type SecretStore } from '../../core/queue/secret-store';

/** On Linux without a keyring safeStorage falls back to a key built into Chromium: no better than the 0600 file. */
const hasKeychain = (): boolean =>
  safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || !['basic_text', 'unknown'].includes(safeStorage.getSelectedStorageBackend()));

/** Call after `app` is ready (safeStorage answers only then). */
export function keychainSecretStore(dataDir: string): SecretStore {
  const cipher = hasKeychain()
    ? { encrypt: (text: string) => safeStorage.encryptString(text), decrypt: (data: Buffer) => safeStorage.decryptString(data) }
    : undefined;
  return fileSecretStore(join(dataDir, 'secrets.json'), cipher);
}
