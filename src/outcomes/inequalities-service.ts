// Inequalities within an area: one indicator's values by deprivation quintile (or decile), the slope
// index of inequality across them (src/stats/sii, identity scale, seeded), and the life-expectancy gap.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { slopeIndex, type SiiResult } from '../stats/sii.ts';
import { findArea, resolvePeriod, type AreaRef } from './profile-service.ts';
import { breakdownValues, loadCatalogueEntries } from './profile-repo.ts';
import type { CatalogueEntry, StoredValue } from './model-types.ts';

export interface SegmentRow {
  breakdown: string; label: string; quantile: number; value: number | null; lower95: number | null; upper95: number | null;
  denominator: number | null; comparedToArea: string | null; note: string | null;
}

export interface InequalitiesView {
  area: AreaRef; indicator: CatalogueEntry; period: string; groups: 'quintile' | 'decile' | null;
  areaValue: number | null; segments: SegmentRow[]; sii: SiiResult | null; siiNote: string | null;
  lifeExpectancyGap: { indicatorId: string; title: string; value: number | null; lower95: number | null; upper95: number | null }[];
}

const SII_REPETITIONS = 10_000;
const SII_SEED = 2008;

export function segmentLabel(breakdown: string): { quantile: number; label: string; groups: 'quintile' | 'decile' } | null {
  const m = /^imd_(quintile|decile)_(\d+)$/.exec(breakdown);
  if (!m) return null;
  const q = Number(m[2]);
  const n = m[1] === 'quintile' ? 5 : 10;
  const label = q === 1 ? `${m[1][0].toUpperCase()}${m[1].slice(1)} 1 (most deprived)` : q === n ? `${m[1][0].toUpperCase()}${m[1].slice(1)} ${q} (least deprived)` : `${m[1][0].toUpperCase()}${m[1].slice(1)} ${q}`;
  return { quantile: q, label, groups: m[1] as 'quintile' | 'decile' };
}

export function siiOf(segments: SegmentRow[]): { sii: SiiResult | null; note: string | null } {
  const usable = segments.filter((s) => s.value !== null && s.lower95 !== null && s.upper95 !== null && (s.denominator ?? 0) > 0);
  if (usable.length < segments.length || usable.length < 2) return { sii: null, note: 'The SII needs a value, limits and population for every deprivation group.' };
  const sii = slopeIndex(usable.map((s) => ({ quantile: s.quantile, population: s.denominator!, value: s.value!, se: NaN, lowerCl: s.lower95!, upperCl: s.upper95! })),
    { valueType: 0, transform: false, multiplier: 1, repetitions: SII_REPETITIONS, levels: [0.95], seed: SII_SEED });
  return { sii, note: null };
}

export async function inequalitiesOf(db: Db, code: string, q: { indicator: string; period?: string }): Promise<InequalitiesView> {
  const area = await findArea(db, code);
  const catalogue = await loadCatalogueEntries(db);
  const indicator = catalogue.find((e) => e.id === q.indicator);
  if (!indicator) throw new AppError('not_found', `No indicator ${q.indicator}.`);
  const { period } = await resolvePeriod(db, q.period);
  if (!period) throw new AppError('not_found', 'There are no indicator values yet.');
  const values = await breakdownValues(db, indicator.id, area.code, period);
  // The area's headline value: persons, or the one sex a sex-specific indicator is defined for.
  const whole = values.find((v) => v.breakdown === 'persons') ?? (values.filter((v) => !v.breakdown.startsWith('imd_')).length === 1 ? values.find((v) => !v.breakdown.startsWith('imd_')) : undefined);
  const quint = values.filter((v) => v.breakdown.startsWith('imd_quintile_'));
  const dec = values.filter((v) => v.breakdown.startsWith('imd_decile_'));
  const chosen: StoredValue[] = quint.length ? quint : dec;
  const segments = chosen.map((v) => {
    const s = segmentLabel(v.breakdown)!;
    return { breakdown: v.breakdown, label: s.label, quantile: s.quantile, value: v.value, lower95: v.lower95, upper95: v.upper95,
      denominator: v.denominator, comparedToArea: v.comparedToParent, note: v.note };
  }).sort((a, b) => a.quantile - b.quantile);
  const { sii, note } = segments.length ? siiOf(segments) : { sii: null, note: 'No deprivation breakdown for this indicator.' };
  const gapIds = catalogue.filter((e) => e.id.startsWith('life-expectancy-gap-') || e.id.startsWith('life-expectancy-sii-')).map((e) => e.id);
  const gaps = [];
  for (const id of gapIds) {
    const v = (await breakdownValues(db, id, area.code, period)).find((x) => !x.breakdown.startsWith('imd_'));
    gaps.push({ indicatorId: id, title: catalogue.find((e) => e.id === id)!.title, value: v?.value ?? null, lower95: v?.lower95 ?? null, upper95: v?.upper95 ?? null });
  }
  return {
    area, indicator, period, groups: quint.length ? 'quintile' : dec.length ? 'decile' : null,
    areaValue: whole?.value ?? null, segments, sii, siiNote: note, lifeExpectancyGap: gaps,
  };
}
