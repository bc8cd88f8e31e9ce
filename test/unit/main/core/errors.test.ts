/**
 * Every error class of the core carries its contract code: found by scanning the source (so a new class
 * cannot be forgotten), imported, instantiated and mapped as a handler's error would be.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode } from '@shared/contract';
import { CoreError } from '@core/errors';
import { toLabError } from '@core/lab/errors';

const CORE = join(__dirname, '../../../../src/main/core');
const ERROR_CLASS = /class (\w+) extends (\w*Error)\b/g;

/** `{ file, name }` of every `class X extends …Error` under src/main/core. */
function errorClassesInSource(): { file: string; name: string }[] {
  const files = readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((file) => [...readFileSync(join(CORE, file), 'utf8').matchAll(ERROR_CLASS)].map((m) => ({ file, name: m[1] })));
}

/** An instance of the class `name` exported by `file`, built with placeholder strings for its arguments. */
async function instanceOf(file: string, name: string): Promise<unknown> {
  const module: Record<string, unknown> = await import(/* @vite-ignore */ join(CORE, file));
  const constructor = module[name];
  if (typeof constructor !== 'function') {
    throw new Error(`${relative(process.cwd(), join(CORE, file))} does not export ${name}: export it so this test can check its code`);
  }
  return Reflect.construct(constructor, ['first argument', 'second argument', 'third argument']);
}

/** The codes the contract gave each class before they carried them (the last three were `internal` then). */
const EXPECTED: Record<string, ErrorCode> = {
  NotFoundError: 'not_found',
  RunStateError: 'conflict',
  StudyStateError: 'conflict',
  DatasetError: 'dataset_error',
  FolderError: 'invalid_request',
  QueueUrlError: 'invalid_request',
  StorageError: 'unavailable',
  QueueUnreachableError: 'unavailable',
  DatasetTransferError: 'dataset_error',
};

describe('the core’s error classes', () => {
  const found = errorClassesInSource();

  it('are found by the scan (every class the lab maps, and the base)', () => {
    expect(found.map((c) => c.name)).toEqual(expect.arrayContaining(['CoreError', ...Object.keys(EXPECTED)]));
  });

  it('each maps to a code of its own (never internal), keeping its message', async () => {
    const missing: string[] = [];
    for (const { file, name } of found.filter((c) => c.name !== 'CoreError')) {
      const error = await instanceOf(file, name);
      const mapped = toLabError(error);
      if (!(error instanceof CoreError) || mapped.code === 'internal' || !ERROR_CODES.includes(mapped.code)) missing.push(`${file}: ${name}`);
      else expect(mapped.message).toBe(error.message);
    }
    expect(missing, 'error classes without a code: extend CoreError (src/main/core/errors.ts) with one').toEqual([]);
  });

  it('keep the codes the contract gave them', async () => {
    const codes: Record<string, ErrorCode> = {};
    for (const { file, name } of found.filter((c) => c.name in EXPECTED)) codes[name] = toLabError(await instanceOf(file, name)).code;
    expect(codes).toEqual(EXPECTED);
  });

  it('the base carries the code it is given', () => {
    for (const code of ERROR_CODES) expect(toLabError(new CoreError(code, 'why'))).toEqual({ code, message: 'why' });
  });
});
