/** Turns a flag's text into its typed value, or says in one line what to type instead. */
import { UsageError } from '../usage-error';
import type { OptionSpec, OptionValue } from './option-types';
import { didYouMean } from './suggest';

const range = (o: OptionSpec): string => {
  const low = o.min === undefined ? '' : o.exclusiveMin ? `above ${o.min}` : `at least ${o.min}`;
  const high = o.max === undefined ? '' : `at most ${o.max}`;
  return [low, high].filter(Boolean).join(', ');
};

function checkNumber(o: OptionSpec, text: string, integer: boolean, what: string): number {
  const n = text.trim() === '' ? NaN : Number(text);
  const wanted = `${integer ? 'a whole number' : 'a number'}${range(o) ? ` ${range(o)}` : ''}`;
  const inRange = (o.min === undefined || (o.exclusiveMin ? n > o.min : n >= o.min)) && (o.max === undefined || n <= o.max);
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || !inRange) {
    throw new UsageError(`${what} must be ${wanted}, got "${text}"`);
  }
  return n;
}

/** The typed value of `--name text`; throws UsageError naming the flag. */
export function optionValue(o: OptionSpec, text: string): OptionValue {
  const flag = `--${o.name}`;
  switch (o.type) {
    case 'integer':
      return checkNumber(o, text, true, flag);
    case 'number':
      return checkNumber(o, text, false, flag);
    case 'list': {
      const parts = text.split(',').map((p) => p.trim());
      return parts.map((p) => checkNumber(o, p, true, `each entry of ${flag}`));
    }
    case 'choice': {
      const choices = o.choices ?? [];
      if (choices.includes(text)) return text;
      const exact = choices.find((c) => c.toLowerCase() === text.toLowerCase());
      if (exact) return exact;
      throw new UsageError(`${flag} must be one of ${choices.join(', ')}, got "${text}"${didYouMean(text, choices)}`);
    }
    case 'boolean':
      return true;
    default:
      if (text === '') throw new UsageError(`${flag} needs a value`);
      return text;
  }
}

/** `<n>`, `<n,n,…>`, `<relu|tanh|…>`: the placeholder the help and synopsis show. */
export function placeholder(o: OptionSpec): string {
  if (o.valueName) return o.valueName;
  switch (o.type) {
    case 'integer':
      return '<n>';
    case 'number':
      return '<x>';
    case 'list':
      return '<n,n,…>';
    case 'path':
      return '<path>';
    case 'choice':
      return '<value>';
    case 'boolean':
      return '';
    default:
      return '<text>';
  }
}
