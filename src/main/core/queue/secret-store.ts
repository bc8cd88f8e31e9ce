/**
 * Where the queue's password is kept: a small file of its own (mode 0600), never the SQLite history. A host
 * that has the OS keychain (Electron's `safeStorage`) passes a cipher, and the file holds only ciphertext.
 */
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

export interface SecretStore {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  delete(name: string): void;
}

/** Encrypts with a key the OS holds (the Electron shell's safeStorage); the core never sees the key. */
export interface SecretCipher {
  encrypt(text: string): Buffer;
  decrypt(data: Buffer): string;
}

type SecretsFile = Record<string, { encrypted: boolean; value: string }>;

/** Secrets in `path` (JSON, mode 0600), each encrypted by `cipher` when there is one. */
export function fileSecretStore(path: string, cipher?: SecretCipher): SecretStore {
  const read = (): SecretsFile => (existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SecretsFile) : {});
  const write = (secrets: SecretsFile): void => {
    if (Object.keys(secrets).length === 0) return rmSync(path, { force: true });
    writeFileSync(path, JSON.stringify(secrets), { mode: 0o600 });
    chmodSync(path, 0o600); // writeFileSync's mode applies only to a new file
  };
  return {
    get(name) {
      const entry = read()[name];
      if (!entry) return undefined;
      if (!entry.encrypted) return entry.value;
      if (!cipher) throw new Error(`the secret "${name}" was encrypted by the OS keychain, which this host cannot reach`);
      return cipher.decrypt(Buffer.from(entry.value, 'base64'));
    },
    set(name, value) {
      const secrets = read();
      secrets[name] = cipher ? { encrypted: true, value: cipher.encrypt(value).toString('base64') } : { encrypted: false, value };
      write(secrets);
    },
    delete(name) {
      const secrets = read();
      delete secrets[name];
      write(secrets);
    },
  };
}
