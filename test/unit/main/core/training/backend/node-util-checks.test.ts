import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodeUtil from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { REMOVED_UTIL_CHECKS, restoreUtilChecks } from '@core/training/backend/node-util-checks';

const util = nodeUtil as unknown as Record<string, unknown>;
const saved = { ...util };
const dir = mkdtempSync(join(tmpdir(), 'loss-lab-util-'));

/** A CommonJS module compiled the way tfjs-node 4.22's dist is: `util` looked up at each call. */
function fakeNativeModule(): { attrValue(v: unknown): string; list(v: unknown): boolean } {
  const file = join(dir, `fake-tfjs-node-${Math.random().toString(36).slice(2)}.cjs`);
  writeFileSync(
    file,
    [
      "var util_1 = require('util');",
      "exports.attrValue = function (v) { return (0, util_1.isNullOrUndefined)(v) ? 'none' : 'set'; };",
      'exports.list = function (v) { return (0, util_1.isArray)(v); };',
    ].join('\n'),
  );
  return createRequire(import.meta.url)(file) as ReturnType<typeof fakeNativeModule>;
}

afterEach(() => {
  for (const name of Object.keys(REMOVED_UTIL_CHECKS)) util[name] = saved[name];
  for (const name of Object.keys(REMOVED_UTIL_CHECKS)) if (saved[name] === undefined) delete util[name];
});

describe('util.is* restored before tfjs-node loads', () => {
  it('a module calling the removed checks fails as on Node 24, and works once they are restored', () => {
    // Node 24 as far as these checks go, whatever Node runs the test.
    delete util['isNullOrUndefined'];
    const native = fakeNativeModule();
    expect(() => native.attrValue(null)).toThrow(TypeError);
    expect(restoreUtilChecks()).toContain('isNullOrUndefined');
    expect([native.attrValue(null), native.attrValue(undefined), native.attrValue(0), native.list([1]), native.list('a')]).toEqual([
      'none',
      'none',
      'set',
      true,
      false,
    ]);
  });

  it('adds every removed check a `util` lacks, with Node 22 semantics, and keeps the ones it has', () => {
    const own = (): boolean => true;
    const target: Record<string, unknown> = { isArray: own };
    const added = restoreUtilChecks(target);
    expect(added).toEqual(Object.keys(REMOVED_UTIL_CHECKS).filter((n) => n !== 'isArray'));
    expect(target['isArray']).toBe(own);
    const check = (name: string, value: unknown): boolean => (target[name] as (v: unknown) => boolean)(value);
    expect([check('isPrimitive', 1), check('isPrimitive', {}), check('isPrimitive', null), check('isObject', null), check('isObject', [])]).toEqual([
      true,
      false,
      true,
      false,
      true,
    ]);
    expect([
      check('isBuffer', Buffer.from('a')),
      check('isRegExp', /a/),
      check('isDate', new Date()),
      check('isError', new RangeError()),
      check('isSymbol', Symbol()),
    ]).toEqual([true, true, true, true, true]);
    expect(restoreUtilChecks(target)).toEqual([]);
  });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));
