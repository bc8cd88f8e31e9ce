/**
 * CPU time of each thread of this process (Linux: /proc/self/task/<tid>/stat), to see where the cores go
 * while a study trains: the worker threads, the main thread (events, the SQLite writes), and the rest (V8's
 * garbage collector and compiler threads, libuv's pool).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of utime/stime in /proc (USER_HZ: 100 on Linux). */
const TICKS = 100;

/** Seconds of CPU per thread id, or an empty map where /proc is missing. */
export function threadCpuSeconds(): Map<number, number> {
  const seconds = new Map<number, number>();
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return seconds;
  }
  for (const tid of tids) {
    try {
      // Fields after the command name (which may contain spaces): state is field 3, utime 14 and stime 15.
      const fields = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ');
      seconds.set(Number(tid), (Number(fields[11]) + Number(fields[12])) / TICKS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return seconds;
}

export interface ThreadCores {
  /** Cores kept busy by the `busiest` most used threads (the training workers), busiest first. */
  busiest: number[];
  /** By the main thread. */
  main: number;
  /** By every other thread together. */
  others: number;
}

/** How many cores each kind of thread kept busy between two `threadCpuSeconds` snapshots `wallSeconds` apart. */
export function threadCores(before: Map<number, number>, after: Map<number, number>, wallSeconds: number, busiest: number): ThreadCores {
  const used = [...after].map(([tid, s]) => ({ tid, cores: (s - (before.get(tid) ?? 0)) / wallSeconds }));
  const main = used.find((t) => t.tid === process.pid)?.cores ?? 0;
  const rest = used.filter((t) => t.tid !== process.pid).sort((a, b) => b.cores - a.cores);
  const top = rest.slice(0, busiest).map((t) => t.cores);
  const others = rest.slice(busiest).reduce((sum, t) => sum + t.cores, 0);
  return { busiest: top, main, others };
}
