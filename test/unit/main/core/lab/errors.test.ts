import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { NotFoundError } from '@core/store/errors';
import { conflict, notFound, toLabError } from '@core/lab/errors';

describe('toLabError', () => {
  it('maps the core’s errors by class, so a subclass keeps its code', () => {
    class MissingRunError extends NotFoundError {}
    expect(toLabError(new MissingRunError('run 3 does not exist'))).toEqual({ code: 'not_found', message: 'run 3 does not exist' });
    expect(toLabError(notFound('run 4'))).toEqual({ code: 'not_found', message: 'run 4 does not exist (it may have been deleted)' });
    expect(toLabError(conflict('busy'))).toEqual({ code: 'conflict', message: 'busy' });
  });

  it('ignores a name string: an error merely named like a core class is internal', () => {
    const impostor = new Error('looks like one');
    impostor.name = 'NotFoundError';
    expect(toLabError(impostor)).toEqual({ code: 'internal', message: 'looks like one' });
  });

  it('a RangeError and a failed schema are invalid requests; anything else is internal', () => {
    expect(toLabError(new RangeError('at most 1024 units'))).toEqual({ code: 'invalid_request', message: 'at most 1024 units' });
    const zod = z.object({ units: z.number().max(2) }).safeParse({ units: 3 });
    expect(zod.success).toBe(false);
    expect(toLabError(zod.error).code).toBe('invalid_request');
    expect(toLabError(zod.error).message).toMatch(/^units: /);
    expect(toLabError(new TypeError('x is undefined'))).toEqual({ code: 'internal', message: 'x is undefined' });
    expect(toLabError('a string')).toEqual({ code: 'internal', message: 'a string' });
  });
});
