/** JSON in localStorage, read back only when it still has the expected shape (a stale or edited value is ignored). */
export function readStored<T>(key: string, isValid: (v: unknown) => v is T): T | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (raw == null) return undefined;
    const value: unknown = JSON.parse(raw);
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the preference lasts for this session only.
  }
}
