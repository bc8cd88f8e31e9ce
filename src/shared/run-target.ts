/** Where the app's runs train: this machine's worker threads, or a queue of workers (`lab worker`) on Redis. */
export interface RunTargetSetting {
  target: 'local' | 'queue';
  /** The saved queue URL with its password shown as `***`; null when none is saved. */
  url: string | null;
}

/** The setting, and why runs sent to the queue are waiting (it could not be reached); null when they are not. */
export interface RunTargetState extends RunTargetSetting {
  error: string | null;
}
