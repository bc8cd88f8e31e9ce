/**
 * The `util.is*` type checks Node 23 removed (deprecated since Node 4), restored on `node:util` before
 * tfjs-node loads. tfjs-node 4.22, its latest release, calls `util.isNullOrUndefined` in every op's attribute
 * setup (nodejs_kernel_backend.js) and in TopK, and `util.isArray` (still in Node 24, deprecated): on Node 24
 * (Electron 40) it loads, then each op throws "(0 , util_1.isNullOrUndefined) is not a function"
 * (tensorflow/tfjs#8609; fixed by tensorflow/tfjs#8425, not released). Its compiled code looks the function
 * up on the module object at each call, so adding it to the shared `util` object is enough.
 */
import nodeUtil from 'node:util';

/** Each removed check, as Node ≤ 22 defined it (lib/util.js). */
export const REMOVED_UTIL_CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  isArray: (value) => Array.isArray(value),
  isBoolean: (value) => typeof value === 'boolean',
  isBuffer: (value) => Buffer.isBuffer(value),
  isDate: (value) => value instanceof Date,
  isError: (value) => value instanceof Error,
  isFunction: (value) => typeof value === 'function',
  isNull: (value) => value === null,
  isNullOrUndefined: (value) => value === null || value === undefined,
  isNumber: (value) => typeof value === 'number',
  isObject: (value) => value !== null && typeof value === 'object',
  isPrimitive: (value) => value === null || (typeof value !== 'object' && typeof value !== 'function'),
  isRegExp: (value) => value instanceof RegExp,
  isString: (value) => typeof value === 'string',
  isSymbol: (value) => typeof value === 'symbol',
  isUndefined: (value) => value === undefined,
};

/**
 * Adds to `util` (default: Node's own, the object `require('util')` returns) every removed check it lacks;
 * checks the running Node still has are left as they are. Returns the names it added (none on Node ≤ 22).
 */
export function restoreUtilChecks(util: object = nodeUtil): string[] {
  const target = util as Record<string, unknown>;
  const added: string[] = [];
  for (const [name, check] of Object.entries(REMOVED_UTIL_CHECKS)) {
    if (typeof target[name] === 'function') continue;
    target[name] = check;
    added.push(name);
  }
  return added;
}
