// Trend of one indicator for an area: the series with its limits and England's, the recent-trend
// marker (src/stats/trend), an XmR chart with Making Data Count rules and assurance (src/stats/spc), and
// the area's trajectory when it chose this indicator as a local outcome.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { calculateRecentTrend, type TrendResult } from '../stats/trend.ts';
import { calculateXmr, type SpcResult } from '../stats/spc.ts';
import { findArea, type AreaRef } from './profile-service.ts';
import { indicatorSeries, loadCatalogueEntries } from './profile-repo.ts';
import { latestTrajectory } from './selection-repo.ts';
import { ENGLAND, periodYear, shiftPeriod, statsPolarity, type CatalogueEntry } from './model-types.ts';

export interface TrendPointRow {
  period: string; value: number | null; lower95: number | null; upper95: number | null; englandValue: number | null;
  spcMean: number | null; spcLower: number | null; spcUpper: number | null; pointType: string | null; note: string | null;
}

export interface TrendView {
  area: AreaRef; indicator: CatalogueEntry; points: TrendPointRow[]; trend: TrendResult;
  spc: { variation: SpcResult['variation']; assurance: SpcResult['assurance']; warnings: string[] } | null;
  target: { cycleYear: string; status: string; milestones: { period: string; value: number }[]; targetValue: number } | null;
}

export async function trendOf(db: Db, code: string, indicatorId: string): Promise<TrendView> {
  const area = await findArea(db, code);
  const indicator = (await loadCatalogueEntries(db)).find((e) => e.id === indicatorId);
  if (!indicator) throw new AppError('not_found', `No indicator ${indicatorId}.`);
  const all = await indicatorSeries(db, indicatorId, [area.code, ENGLAND], null);
  const own = all.filter((v) => v.areaCode === area.code).sort((a, b) => periodYear(a.period) - periodYear(b.period));
  const england = new Map(all.filter((v) => v.areaCode === ENGLAND).map((v) => [v.period, v.value]));
  const polarity = statsPolarity(indicator.polarity);
  const trajectory = area.type === 'pct' ? await latestTrajectory(db, area.code, indicatorId) : null;
  const target = trajectory ? {
    cycleYear: trajectory.cycleYear, status: trajectory.status, targetValue: trajectory.targetValue,
    milestones: trajectory.milestones.map((value, t) => ({ period: shiftPeriod(trajectory.baselinePeriod, t), value })),
  } : null;
  const trend = calculateRecentTrend(own.map((v) => ({ value: v.value, lower95: v.lower95, upper95: v.upper95, period: periodYear(v.period) })), polarity);
  const withValues = own.filter((v) => v.value !== null);
  const spc = withValues.length >= 2 ? calculateXmr(withValues.map((v) => v.value!), { polarity, target: target?.targetValue ?? null }) : null;
  const spcByPeriod = new Map(withValues.map((v, i) => [v.period, spc?.points[i]]));
  const points = own.map((v) => {
    const s = spcByPeriod.get(v.period);
    return {
      period: v.period, value: v.value, lower95: v.lower95, upper95: v.upper95, englandValue: england.get(v.period) ?? null,
      spcMean: s?.mean ?? null, spcLower: s?.lowerLimit ?? null, spcUpper: s?.upperLimit ?? null, pointType: s?.pointType ?? null, note: v.note,
    };
  });
  return {
    area, indicator, points, trend,
    spc: spc ? { variation: spc.variation, assurance: spc.assurance, warnings: spc.warnings } : null,
    target,
  };
}
