import { describe, expect, it } from 'vitest';
import { studyAnswer } from '@renderer/studies/answer';
import type { Verdict } from '@shared/study-types';

const verdicts: Verdict[] = [
  {
    claim: 1,
    statement: 'MSE loss with tanh outputs converges slower than cross-entropy with softmax.',
    status: 'supported',
    evidence: 'Epochs to 90 %: 4.2 vs 1.0; difference 3.2 epochs [2.1, 4.3]',
    trainSize: null,
  },
  {
    claim: 2,
    statement: 'MSE + tanh reaches significantly lower accuracy after the last epoch.',
    status: 'not supported',
    evidence: 'Final test accuracy 97.1% vs 97.3%; difference −0.2 points, p = 0.41.',
    trainSize: null,
  },
  { claim: 3, statement: 'Rescaling helps.', status: 'inconclusive', evidence: 'Only 1 seed.', trainSize: null },
];

describe('studyAnswer', () => {
  it('counts the verdicts and gives one sentence a claim with its numbers, in the verdicts’ own words', () => {
    const answer = studyAnswer(verdicts);
    expect(answer.summary).toBe('Of the 3 claims tested, 1 is supported, 1 is not and 1 is undecided.');
    expect(answer.claims.map((c) => c.text)).toEqual([
      'Yes, MSE loss with tanh outputs converges slower than cross-entropy with softmax: Epochs to 90 %: 4.2 vs 1.0; difference 3.2 epochs [2.1, 4.3].',
      'No, MSE + tanh reaches significantly lower accuracy after the last epoch: Final test accuracy 97.1% vs 97.3%; difference −0.2 points, p = 0.41.',
      'Not decided, rescaling helps: Only 1 seed.',
    ]);
  });

  it('names the training-set size of each verdict when the study has a size factor', () => {
    const sized: Verdict[] = [1000, 60000].map((trainSize) => ({ ...verdicts[1], trainSize }));
    const answer = studyAnswer(sized);
    expect(answer.summary).toBe('Of the 2 verdicts (each claim at 2 training-set sizes), 0 are supported, 2 are not and 0 are undecided.');
    expect(answer.claims[0].text).toMatch(/^With 1,000 training images: No, MSE \+ tanh/);
    expect(answer.claims[1].text).toMatch(/^With 60,000 training images: No/);
  });
});
