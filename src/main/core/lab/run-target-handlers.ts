/** The "Run on" channels: read and switch where runs started from now on train. */
import type { Handlers, LabContext } from './handler-types';

export function runTargetHandlers(ctx: LabContext): Handlers<'runTarget:get' | 'runTarget:set'> {
  return {
    'runTarget:get': () => ctx.runTarget.get(),
    'runTarget:set': ({ target, url }) => ctx.runTarget.set(target, url),
  };
}
