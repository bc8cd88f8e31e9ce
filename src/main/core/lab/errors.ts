import { ZodError } from 'zod';
import type { LabErrorData } from '../../../shared/contract';
import { CoreError } from '../errors';

export const notFound = (what: string): CoreError => new CoreError('not_found', `${what} does not exist (it may have been deleted)`);
export const conflict = (message: string): CoreError => new CoreError('conflict', message);

/** "hiddenUnits.0: at most 1024 units a layer; loss: …" */
function describeZod(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');
}

/**
 * Maps anything thrown by a handler to the typed error that crosses the boundary: a CoreError (the base of
 * every error class of the core) by its own code, a request that failed its schema or a bound (RangeError) as
 * `invalid_request`, anything else as `internal`.
 */
export function toLabError(error: unknown): LabErrorData {
  if (error instanceof CoreError) return { code: error.code, message: error.message };
  if (error instanceof ZodError) return { code: 'invalid_request', message: describeZod(error) };
  if (error instanceof RangeError) return { code: 'invalid_request', message: error.message };
  if (error instanceof Error) return { code: 'internal', message: error.message };
  return { code: 'internal', message: String(error) };
}
