/** Errors the store throws for a caller's mistake (as opposed to a database failure). */

/** The run (or other record) asked for does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The run is not in a status that allows the change, e.g. re-queueing a completed run. */
export class RunStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunStateError';
  }
}

export function runNotFound(id: number): NotFoundError {
  return new NotFoundError(`run ${id} does not exist (it may have been deleted)`);
}
