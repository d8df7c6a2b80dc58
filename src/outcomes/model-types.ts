// Shapes shared by the outcomes feature's services, routes and chart specifications.
import type { Polarity } from '../stats/compare.ts';

export type CataloguePolarity = 'lower-is-better' | 'higher-is-better' | 'no-judgement';
export type BenchmarkKind = 'england' | 'parent' | 'peers';

export interface CatalogueEntry {
  id: string; title: string; domain: string; method: string; unit: string; polarity: CataloguePolarity;
  multiplier: number; confidence: string[]; source: string;
}

/** One stored indicator value (a row of indicator_values). */
export interface StoredValue {
  indicatorId: string; areaCode: string; areaType: string; period: string; breakdown: string;
  numerator: number | null; denominator: number | null; value: number | null;
  lower95: number | null; upper95: number | null; lower998: number | null; upper998: number | null;
  comparedToEngland: string | null; comparedToParent: string | null; note: string | null;
}

const POLARITY: Record<CataloguePolarity, Polarity> = {
  'lower-is-better': 'low-is-good', 'higher-is-better': 'high-is-good', 'no-judgement': 'no-judgement',
};
export const statsPolarity = (p: CataloguePolarity): Polarity => POLARITY[p];

/** First calendar year of a period ('2007-08' → 2007, '2014' → 2014, '2006-2008' → 2006). */
export function periodYear(period: string): number {
  return Number(period.slice(0, 4));
}

/** The period `years` after a financial-year or calendar-year period, in the same style. */
export function shiftPeriod(period: string, years: number): string {
  const y = periodYear(period) + years;
  if (/^\d{4}-\d{2}$/.test(period)) return `${y}-${String((y + 1) % 100).padStart(2, '0')}`;
  return String(y);
}

export const ENGLAND = 'ENG';
