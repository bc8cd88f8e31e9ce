/**
 * Run ownership: which process trains a `running` run, and whether that process is still there.
 *
 * Every open store has an identity: host name, pid, a process start token (Linux: boot id + the process's
 * start time from /proc, so a reused pid is told apart) and a random token of its own. Claiming a run
 * records that identity on the row; the owner refreshes `owner_heartbeat` every HEARTBEAT_MS while it trains.
 * A store opening beside it marks a running run `interrupted` only when its owner is gone: a dead pid on this
 * host, a pid now held by another process (start tokens differ), a store of this process that was closed, or,
 * when none of that can be checked (another host, no /proc), a heartbeat older than LEASE_MS.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** How often an owner refreshes the heartbeat of the runs it trains, in milliseconds. */
export const HEARTBEAT_MS = 10_000;
/** A heartbeat older than this (milliseconds) means the owner is gone, when nothing better can be checked. */
export const LEASE_MS = 120_000;

export interface RunOwner {
  host: string;
  pid: number;
  /** Identifies this start of the process `pid` (null where the platform cannot say). */
  start: string | null;
  /** Unique to one open store. */
  token: string;
}

/** The owner columns of a run row as stored. */
export interface OwnerRow {
  owner_host: string | null;
  owner_pid: number | null;
  owner_start: string | null;
  owner_token: string | null;
  owner_heartbeat: number | null;
}

/** Tokens of the stores open in this process: a run owned by this pid is alive only if its store is. */
const openTokens = new Set<string>();

/** `bootId:startTicks` of process `pid` on Linux, else null. */
export function processStartToken(pid: number): string | null {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may hold spaces, so count from its closing parenthesis.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTicks ? `${bootId}:${startTicks}` : null;
  } catch {
    return null;
  }
}

/** A new identity for a store being opened; `release` it when the store closes. */
export function claimOwnerIdentity(): RunOwner {
  const owner: RunOwner = { host: hostname(), pid: process.pid, start: processStartToken(process.pid), token: randomUUID() };
  openTokens.add(owner.token);
  return owner;
}

export function releaseOwnerIdentity(owner: RunOwner): void {
  openTokens.delete(owner.token);
}

/** Whether a process `pid` exists on this host. */
export function pidExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process that owns a running run is gone, as seen from `self` at `now` (ms since the epoch). */
export function ownerGone(row: OwnerRow, self: RunOwner, now: number): boolean {
  if (row.owner_token === null || row.owner_pid === null) return true; // running before ownership existed
  const leaseExpired = row.owner_heartbeat === null || now - row.owner_heartbeat > LEASE_MS;
  if (row.owner_host !== self.host) return leaseExpired;
  if (row.owner_pid === self.pid && row.owner_start === self.start) return !openTokens.has(row.owner_token);
  if (!pidExists(row.owner_pid)) return true;
  const start = processStartToken(row.owner_pid);
  if (start !== null && row.owner_start !== null) return start !== row.owner_start;
  return leaseExpired;
}

/** "pid 123 on host x", for messages. */
export function describeOwner(row: OwnerRow): string {
  return row.owner_pid === null ? 'an unknown process' : `pid ${row.owner_pid} on host ${row.owner_host ?? '?'}`;
}
