import { describe, expect, it } from 'vitest';
import { accuracyEffect } from '@core/studies/stats/effect';
import { effectText } from '@core/studies/verdicts/effect-text';
import { decideClaim } from '@core/studies/verdicts/verdict-rules';

const bySeed = (values: number[], firstSeed = 1): Map<number, number> => new Map(values.map((v, i) => [firstSeed + i, v]));

describe('accuracyEffect', () => {
  it('3.25% vs 2.3% error is 41% more errors', () => {
    const e = accuracyEffect(bySeed([0.967, 0.968]), bySeed([0.9765, 0.9775]));
    expect(e?.design).toBe('paired');
    expect(e?.difference).toBeCloseTo(-0.0095, 12);
    expect(e?.relativeError).toBeCloseTo(0.0095 / 0.023, 9);
    // Every pair differs by the same amount: the interval collapses onto the estimate.
    expect(e?.relativeErrorCi95?.[0]).toBeCloseTo(0.413, 3);
    expect(e?.relativeErrorCi95?.[1]).toBeCloseTo(0.413, 3);
    expect(effectText(e!, 'A', 'B')).toContain('A 96.75% vs B 97.70% (error 3.25% vs 2.30%: 41% more errors, 95% CI [+41%, +41%])');
  });

  it('the relative interval is the accuracy interval over b’s error rate, ends swapped', () => {
    // scipy.stats.ttest_rel CI of a − b: (−0.07358494281270907, −0.061081723853957506)
    const e = accuracyEffect(bySeed([0.9, 0.91, 0.905]), bySeed([0.97, 0.975, 0.972]));
    const errorB = 1 - (0.97 + 0.975 + 0.972) / 3;
    expect(e?.relativeErrorCi95?.[0]).toBeCloseTo(0.061081723853957506 / errorB, 6);
    expect(e?.relativeErrorCi95?.[1]).toBeCloseTo(0.07358494281270907 / errorB, 6);
  });

  it("uses Welch's test and says so when seeds do not match", () => {
    const e = accuracyEffect(bySeed([0.92, 0.94]), bySeed([0.96, 0.97, 0.95], 3));
    expect(e).toMatchObject({ design: 'welch', unmatched: [1, 2, 3, 4, 5] });
    // scipy.stats.ttest_ind([0.92, 0.94], [0.96, 0.97, 0.95], equal_var=False).pvalue = 0.1443662048167639
    expect(e?.p).toBeCloseTo(0.1443662048167639, 6);
    expect(effectText(e!, 'A', 'B')).toContain("Welch's independent-samples t (fewer than 2 seeds ran on both sides");
  });

  it('a relative change never goes below −100% (no fewer than 0 errors)', () => {
    // a: 98.9% and 99.9%, b: 98.0% and 97.0% (error 2.5%): the interval of the difference reaches far above +2.5 points
    const e = accuracyEffect(bySeed([0.989, 0.999]), bySeed([0.98, 0.97]));
    expect(e?.ci95[1]).toBeGreaterThan(0.025);
    expect(e?.relativeErrorCi95?.[0]).toBe(-1);
  });

  it('needs two values a side', () => {
    expect(accuracyEffect(bySeed([0.9]), bySeed([0.9, 0.91]))).toBeNull();
  });
});

describe('decideClaim (margin 0.5 points)', () => {
  it('supported only when the whole interval lies beyond the margin', () => {
    expect(decideClaim([-0.012, -0.006], 'lower').status).toBe('supported');
    expect(decideClaim([0.006, 0.012], 'higher').status).toBe('supported');
  });

  it('a real effect smaller than the margin is not supported, and the wording says it is real but small', () => {
    const d = decideClaim([-0.004, -0.001], 'lower');
    expect(d.status).toBe('not supported');
    expect(d.size).toMatch(/^real but small/);
  });

  it('a real effect whose interval straddles the margin is inconclusive', () => {
    const d = decideClaim([-0.008, -0.002], 'lower');
    expect(d.status).toBe('inconclusive');
    expect(d.size).toMatch(/real .* unsettled size/);
  });

  it('the opposite direction, or equivalence, is not supported; a wide interval around 0 is inconclusive', () => {
    expect(decideClaim([0.001, 0.02], 'lower').status).toBe('not supported');
    expect(decideClaim([-0.003, 0.004], 'lower')).toMatchObject({ status: 'not supported' });
    expect(decideClaim([-0.003, 0.004], 'lower').size).not.toMatch(/real/);
    expect(decideClaim([-0.02, 0.01], 'lower').status).toBe('inconclusive');
  });
});
