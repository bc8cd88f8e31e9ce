import { ZodError } from 'zod';
import type { ErrorCode, LabErrorData } from '../../../shared/contract';

/** An error the core raises on purpose, with a code the renderer can branch on and a message a person can act on. */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export const notFound = (what: string): CoreError => new CoreError('not_found', `${what} does not exist (it may have been deleted)`);
export const conflict = (message: string): CoreError => new CoreError('conflict', message);

/** "hiddenUnits.0: at most 1024 units a layer; loss: …" */
function describeZod(error: ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Maps anything thrown by a handler to the typed error that crosses the boundary. */
export function toLabError(error: unknown): LabErrorData {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: 'invalid_request', message: describeZod(error) };
  if (error instanceof Error) {
    // Errors of other core modules are recognised by name so this module needs no import of each.
    if (error.name === 'DatasetError') return { code: 'dataset_error', message: error.message };
    if (error.name === 'NotFoundError') return { code: 'not_found', message: error.message };
    if (error.name === 'RunStateError' || error.name === 'StudyStateError') return { code: 'conflict', message: error.message };
    if (error.name === 'FolderError' || error.name === 'QueueUrlError') return { code: 'invalid_request', message: error.message };
    if (error.name === 'RangeError') return { code: 'invalid_request', message: error.message };
    return { code: 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}
