/**
 * Where the lab's next run trains, as the app chose it ("Run on: this machine / queue"): read by the scheduler
 * at each launch, so a change applies to runs started after it; runs already training stay where they are.
 * Connections are kept per URL until the lab closes, since runs dispatched to a queue report through them.
 */
import type { RunTargetState } from '../../../shared/run-target';
import { messageOf } from '../logger';
import type { QueueSettings } from '../queue/queue-settings';
import { redacted } from '../queue/redis-url';
import { CoreError } from '../errors';
import type { RunLauncher } from '../training/run-launcher';
import type { Placement } from './run-scheduler';

export interface RunTarget {
  placement(): Placement;
  get(): RunTargetState;
  /** Switches; a queue is connected first (an unreachable one throws, naming the URL redacted, and nothing changes). */
  set(target: 'local' | 'queue', url: string | null): Promise<RunTargetState>;
  /** Called when runs may start now: the target changed, or its queue connected or came back. */
  onChange(listener: () => void): void;
  close(): Promise<void>;
}

/** The choice saved in the data directory; a saved queue is connected in the background (runs wait meanwhile). */
export function savedRunTarget(settings: QueueSettings, connect: (url: string) => Promise<RunLauncher>): RunTarget {
  const listeners: (() => void)[] = [];
  const changed = (): void => listeners.forEach((listener) => listener());
  const launchers = new Map<string, Promise<RunLauncher>>();
  const launcherFor = (url: string): Promise<RunLauncher> => {
    let launcher = launchers.get(url);
    if (!launcher) {
      launcher = connect(url).then((connected) => {
        connected.onReady(changed);
        return connected;
      });
      launchers.set(url, launcher);
      launcher.catch(() => launchers.delete(url)); // the next attempt tries again
    }
    return launcher;
  };
  let place: Placement = 'local';
  let error: string | null = null;

  const saved = settings.connectionUrl();
  if (settings.read().target === 'queue' && saved !== undefined) {
    place = 'waiting';
    launcherFor(saved).then(
      (launcher) => {
        if (place !== 'waiting') return;
        place = launcher;
        changed();
      },
      (failure: unknown) => void (error = messageOf(failure)),
    );
  }

  return {
    placement: () => place,
    get: () => ({ ...settings.read(), error }),
    async set(target, url) {
      if (target === 'queue') {
        if (url === null) throw new CoreError('invalid_request', 'give the queue URL: redis://:PASSWORD@HOST:6379');
        const full = settings.resolve(url);
        let launcher: RunLauncher;
        try {
          launcher = await launcherFor(full);
        } catch (failure) {
          // The failure names the URL redacted (watchConnection); a parse error was caught by resolve above.
          throw new CoreError('unavailable', `${messageOf(failure)} Runs stay on ${place === 'local' ? 'this machine' : 'the saved target'}.`);
        }
        settings.save('queue', full);
        place = launcher;
      } else {
        settings.save('local', null);
        place = 'local';
      }
      error = null;
      changed();
      return { ...settings.read(), error };
    },
    onChange: (listener) => void listeners.push(listener),
    async close() {
      const connected = await Promise.allSettled(launchers.values());
      await Promise.all(connected.map((c) => (c.status === 'fulfilled' ? c.value.close() : undefined)));
    },
  };
}

/** The command line's target: the `--queue` it was given (connected before the lab opens), or this machine. */
export function fixedRunTarget(launcher: RunLauncher | undefined, url: string | undefined): RunTarget {
  const state: RunTargetState = { target: launcher ? 'queue' : 'local', url: url === undefined ? null : redacted(url), error: null };
  return {
    placement: () => launcher ?? 'local',
    get: () => state,
    set: () => Promise.reject(new CoreError('conflict', 'the command line runs where its --queue option says; choose it there')),
    onChange: (listener) => launcher?.onReady(listener),
    close: async () => launcher?.close(),
  };
}
