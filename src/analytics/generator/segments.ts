/**
 * Population segments used as ground truth (issue 7): end of life, maternity, frailty, long-term
 * condition(s), healthy. Long-term conditions are people whose latent risk z lies above an age-specific
 * threshold, so their prevalence rises with age (about 10% at 10, 40% at 40, 75% by 75).
 */
export type Segment = 'end_of_life' | 'maternity' | 'frailty' | 'ltc' | 'healthy';

function normalCdf(x: number): number {
  // Abramowitz & Stegun 7.1.26
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + y) / 2 : (1 - y) / 2;
}

function upperQuantile(p: number): number {
  let lo = -8;
  let hi = 8;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (1 - normalCdf(mid) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function ltcPrevalence(age: number): number {
  return Math.min(0.75, 0.05 + 0.009 * age);
}

const LTC_THRESHOLD = Array.from({ length: 121 }, (_, age) => upperQuantile(ltcPrevalence(age)));

export function segmentOf(age: number, z: number, diesWithinYear: boolean, delivered: boolean): Segment {
  if (diesWithinYear) return 'end_of_life';
  if (delivered) return 'maternity';
  if (age >= 75 && z >= 0.5) return 'frailty';
  if (z >= LTC_THRESHOLD[Math.min(120, age)]) return 'ltc';
  return 'healthy';
}
