/**
 * The base of every error the core raises on purpose. It sits at the core's root so each folder (files/,
 * store/, datasets/…) can extend it, and the lab maps errors to the contract by class (`instanceof`), never by
 * a name string that a rename would silently break.
 */
import type { ErrorCode } from '../../shared/contract';

/** An error with a code the renderer can branch on and a message a person can act on. */
export class CoreError extends Error {
  constructor(
    /** What crosses the contract as `LabErrorData.code`. */
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'CoreError';
  }
}
