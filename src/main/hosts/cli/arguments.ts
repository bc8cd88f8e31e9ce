import { UsageError } from './usage-error';

/** A positional id (run or study): a whole number above 0. */
export function idArgument(text: string | undefined, what: string, example: string): number {
  const id = Number(text);
  if (text === undefined || !Number.isInteger(id) || id <= 0) {
    throw new UsageError(`${what} must be a whole number above 0${text === undefined ? '' : `, got "${text}"`}; e.g. \`lab ${example}\``);
  }
  return id;
}
