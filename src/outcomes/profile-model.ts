// The area profile as a pure function of stored values: each indicator's value and limits, its
// comparison with the chosen benchmark (stored by the engine for England and parent; computed here with
// src/stats for a peer group), the recent-trend marker, the red-red flag and the spine distribution.
import { compareByConfidenceInterval, judgeComparison, ragOfOutcome, type BenchmarkOutcome, type Rag } from '../stats/compare.ts';
import { calculateRecentTrend, isWorseAndGettingWorse, type TrendMarker } from '../stats/trend.ts';
import { percentileType7 } from '../stats/targets.ts';
import { periodYear, statsPolarity, type BenchmarkKind, type CatalogueEntry, type StoredValue } from './model-types.ts';

export interface Spine { worst: number; q25: number; median: number; q75: number; best: number; areas: number }

export interface ProfileRow {
  indicatorId: string; title: string; domain: string; unit: string; polarity: CatalogueEntry['polarity'];
  period: string; value: number | null; lower95: number | null; upper95: number | null; lower998: number | null; upper998: number | null;
  numerator: number | null; denominator: number | null; note: string | null;
  benchmarkValue: number | null; englandValue: number | null;
  comparison: BenchmarkOutcome; rag: Rag; trend: TrendMarker; trendNote: string | null; redRed: boolean;
  spine: Spine | null;
}

export interface ProfileInput {
  catalogue: CatalogueEntry[];
  period: string;
  benchmark: BenchmarkKind;
  /** The area's values in every period (persons). */
  series: StoredValue[];
  /** England's values in the period, by indicator. */
  england: Map<string, number | null>;
  /** The benchmark's value by indicator: England's, the parent's, or the peer group's mean. */
  benchmarkValues: Map<string, number | null>;
  /** Values of every PCT in the period, by indicator (for the spine). */
  distribution: Map<string, number[]>;
}

/** Spine: worst, quartiles and best of the areas' values, oriented by polarity (no polarity: low → high). */
export function spineOf(values: number[], polarity: CatalogueEntry['polarity']): Spine | null {
  if (values.length < 2) return null;
  const p = (q: number) => percentileType7(values, q);
  const highGood = polarity === 'higher-is-better';
  return {
    worst: highGood ? p(0) : p(1), q25: highGood ? p(0.25) : p(0.75), median: p(0.5),
    q75: highGood ? p(0.75) : p(0.25), best: highGood ? p(1) : p(0), areas: values.length,
  };
}

/** The outcome against a peer-group (or any) benchmark value, from the area's own limits. */
export function compareWithValue(entry: CatalogueEntry, v: StoredValue, benchmark: number | null): BenchmarkOutcome {
  if (v.value === null || benchmark === null) return 'not-compared';
  const intervals = [{ lower: v.lower95, upper: v.upper95 }];
  if (entry.confidence.includes('99.8')) intervals.push({ lower: v.lower998, upper: v.upper998 });
  return judgeComparison(compareByConfidenceInterval({ intervals, benchmark }), statsPolarity(entry.polarity));
}

export function buildProfile(input: ProfileInput): ProfileRow[] {
  const byIndicator = new Map<string, StoredValue[]>();
  for (const v of input.series) {
    if (periodYear(v.period) > periodYear(input.period)) continue;
    const list = byIndicator.get(v.indicatorId) ?? [];
    list.push(v);
    byIndicator.set(v.indicatorId, list);
  }
  const rows: ProfileRow[] = [];
  for (const entry of input.catalogue) {
    const series = (byIndicator.get(entry.id) ?? []).sort((a, b) => periodYear(a.period) - periodYear(b.period));
    const current = series.find((v) => periodYear(v.period) === periodYear(input.period));
    if (!current) continue;
    const benchmarkValue = input.benchmarkValues.get(entry.id) ?? null;
    const comparison = input.benchmark === 'england' ? (current.comparedToEngland as BenchmarkOutcome | null) ?? 'not-compared'
      : input.benchmark === 'parent' ? (current.comparedToParent as BenchmarkOutcome | null) ?? 'not-compared'
        : compareWithValue(entry, current, benchmarkValue);
    const trend = calculateRecentTrend(series.map((v) => ({ value: v.value, lower95: v.lower95, upper95: v.upper95, period: periodYear(v.period) })),
      statsPolarity(entry.polarity));
    rows.push({
      indicatorId: entry.id, title: entry.title, domain: entry.domain, unit: entry.unit, polarity: entry.polarity,
      period: current.period, value: current.value, lower95: current.lower95, upper95: current.upper95,
      lower998: current.lower998, upper998: current.upper998, numerator: current.numerator, denominator: current.denominator,
      note: current.note, benchmarkValue, englandValue: input.england.get(entry.id) ?? null,
      comparison, rag: ragOfOutcome(comparison), trend: trend.marker, trendNote: trend.note,
      redRed: isWorseAndGettingWorse(comparison, trend.marker),
      spine: spineOf(input.distribution.get(entry.id) ?? [], entry.polarity),
    });
  }
  return rows;
}

/** The mean of each indicator's values over a group of areas (the peer-group benchmark). */
export function groupMeans(values: Pick<StoredValue, 'indicatorId' | 'value'>[]): Map<string, number | null> {
  const sums = new Map<string, { s: number; n: number }>();
  for (const v of values) {
    if (v.value === null) continue;
    const a = sums.get(v.indicatorId) ?? { s: 0, n: 0 };
    a.s += v.value; a.n += 1;
    sums.set(v.indicatorId, a);
  }
  return new Map([...sums].map(([k, a]) => [k, a.n ? a.s / a.n : null]));
}
