/** One `{id, channel, request}` message of browser mode's WebSocket, parsed and answered as `{id, result}`. */
import type { RawData } from 'ws';
import { CHANNELS, type Channel, type LabErrorData, type Result } from '../../../shared/contract';
import type { Lab } from '../../core/lab/lab-types';

/** Longest string id accepted; ids are for matching answers, not for carrying data. */
export const MAX_STRING_ID_LENGTH = 128;

export type MessageId = number | string;

export interface Reply {
  /** The request's id as sent, or null when it could not be read (then the result says why). */
  id: MessageId | null;
  result: Result<unknown>;
}

const channels: ReadonlySet<string> = new Set(CHANNELS);

function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && channels.has(value);
}

function failure(code: LabErrorData['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/**
 * An id that comes back exactly as sent: a safe integer or a short string. `1e999` parses to Infinity and
 * `9007199254740993` to another number; both would be echoed as something the client never sent.
 */
export function isMessageId(value: unknown): value is MessageId {
  return (typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && value.length <= MAX_STRING_ID_LENGTH);
}

const BAD_ID = `A message needs an id: an integer of at most 2^53 - 1 in size, or a string of at most ${MAX_STRING_ID_LENGTH} characters.`;

/** The answer to a request over the connection's in-flight bound: its id (if readable) and `unavailable`. */
export function tooMany(raw: RawData): Reply {
  let id: MessageId | null = null;
  try {
    const message: unknown = JSON.parse(raw.toString());
    if (typeof message === 'object' && message !== null && isMessageId((message as Record<string, unknown>)['id'])) {
      id = (message as Record<string, MessageId>)['id'];
    }
  } catch {
    // Unreadable: answered with id null, like any malformed message.
  }
  return { id, result: failure('unavailable', 'Too many requests at once on this connection: wait for answers before sending more.') };
}

/** Parses one message and, when it is well formed, runs it on `lab`. Never throws. */
export async function answerMessage(lab: Lab, raw: RawData): Promise<Reply> {
  let message: unknown;
  try {
    message = JSON.parse(raw.toString());
  } catch {
    return { id: null, result: failure('invalid_request', 'A message must be JSON: {id, channel, request}.') };
  }
  if (typeof message !== 'object' || message === null) {
    return { id: null, result: failure('invalid_request', 'A message must be an object: {id, channel, request}.') };
  }
  const { id, channel, request } = message as Record<string, unknown>;
  if (!isMessageId(id)) return { id: null, result: failure('invalid_request', BAD_ID) };
  if (!isChannel(channel)) {
    return { id, result: failure('invalid_request', `Unknown channel ${JSON.stringify(channel)}.`) };
  }
  return { id, result: await lab.handle(channel, request) };
}
