/**
 * The plain-language answer at the top of a finished study, built from its verdicts alone (status and
 * evidence, whatever their wording), so it follows the verdicts as they change. Pure.
 */
import type { Verdict, VerdictStatus } from '@shared/study-types';

const LEAD: Readonly<Record<VerdictStatus, string>> = {
  supported: 'Yes',
  'not supported': 'No',
  inconclusive: 'Not decided',
};

/** Lower-cases a sentence's first letter for use mid-sentence, but not an acronym's (MSE stays MSE). */
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
const withoutFinalDot = (s: string): string => s.trim().replace(/\.$/, '');

export interface StudyAnswer {
  /** e.g. "Of the 4 claims tested, 1 is supported, 1 is not and 2 are undecided." */
  summary: string;
  /** One sentence a verdict: "Yes: MSE … (evidence)." in the verdicts' order; with sizes, prefixed by the size. */
  claims: { claim: number; trainSize: number | null; status: VerdictStatus; text: string }[];
}

export function studyAnswer(verdicts: readonly Verdict[]): StudyAnswer {
  const count = (status: VerdictStatus): number => verdicts.filter((v) => v.status === status).length;
  const parts = [
    `${count('supported')} ${count('supported') === 1 ? 'is' : 'are'} supported`,
    `${count('not supported')} ${count('not supported') === 1 ? 'is' : 'are'} not`,
    `${count('inconclusive')} ${count('inconclusive') === 1 ? 'is' : 'are'} undecided`,
  ];
  // A study with a training-set-size factor judges every claim once per size.
  const sizes = [...new Set(verdicts.map((v) => v.trainSize).filter((n): n is number => n !== null))];
  const tested =
    sizes.length > 0
      ? `Of the ${verdicts.length} verdicts (each claim at ${sizes.length} training-set size${sizes.length === 1 ? '' : 's'})`
      : `Of the ${verdicts.length} claim${verdicts.length === 1 ? '' : 's'} tested`;
  const summary = `${tested}, ${parts[0]}, ${parts[1]} and ${parts[2]}.`;
  const claims = verdicts.map((v) => ({
    claim: v.claim,
    trainSize: v.trainSize,
    status: v.status,
    text:
      (v.trainSize === null ? '' : `With ${v.trainSize.toLocaleString('en-US')} training images: `) +
      `${LEAD[v.status]}, ${lowerFirst(withoutFinalDot(v.statement))}: ${withoutFinalDot(v.evidence)}.`,
  }));
  return { summary, claims };
}
