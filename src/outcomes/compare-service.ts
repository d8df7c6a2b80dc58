// Compare areas for one indicator and period: every area of a group (the PCTs of an SHA, all PCTs, or a
// PCT and its peers) with its limits and comparison with England, plus a funnel plot with 95% and 99.8%
// limits (src/stats/funnel) and, on request, Spiegelhalter's overdispersion-widened limits.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { funnelLimits, funnelPoint, funnelDenominator, funnelSignificance, type FunnelOptions, type FunnelLimitRow, type Significance } from '../stats/funnel.ts';
import { estimateOverdispersion } from '../stats/overdispersion.ts';
import { findArea, resolvePeriod, TREE_AS_OF, type AreaRef } from './profile-service.ts';
import { loadCatalogueEntries, pctsWithSha, valuesOfType } from './profile-repo.ts';
import { peerGroup } from './peers-service.ts';
import { ENGLAND, type CatalogueEntry } from './model-types.ts';

export type CompareGroup = 'sha' | 'all' | 'peers';

export interface CompareRow {
  areaCode: string; areaName: string; value: number | null; lower95: number | null; upper95: number | null;
  lower998: number | null; upper998: number | null; numerator: number | null; denominator: number | null;
  comparedToEngland: string | null; highlighted: boolean; note: string | null;
  funnelX: number | null; funnelSignificance: Significance | null;
  /** Overdispersion-widened limits for this area's precision (when asked for). */
  od95: [number, number] | null; od998: [number, number] | null;
}

export interface CompareResult {
  area: AreaRef; indicator: CatalogueEntry; period: string; group: CompareGroup; groupLabel: string;
  englandValue: number | null; rows: CompareRow[];
  funnel: { limits: FunnelLimitRow[]; xLabel: string } | null; funnelNote: string | null;
  overdispersion: { phi: number; tau2: number; overdispersed: boolean; winsorisedBelow: number; winsorisedAbove: number } | null;
}

/** Funnel options for an indicator's method, or null when funnels do not apply (LE, means, ratios). */
export function funnelOptionsOf(entry: CatalogueEntry): FunnelOptions | null {
  if (entry.method === 'proportion') return { statistic: 'proportion', ratioType: 'count', rateType: 'crude', multiplier: entry.multiplier, years: 1 };
  if (entry.method === 'crude-rate' || entry.method === 'crude_rate' || entry.method === 'rate') {
    return { statistic: 'rate', ratioType: 'count', rateType: 'crude', multiplier: entry.multiplier, years: 1 };
  }
  if (entry.method === 'dsr') return { statistic: 'rate', ratioType: 'count', rateType: 'dsr', multiplier: entry.multiplier, years: 1 };
  return null;
}

export async function compareAreas(db: Db, code: string, q: { indicator: string; period?: string; group?: CompareGroup; overdispersion?: boolean }): Promise<CompareResult> {
  const area = await findArea(db, code);
  const indicator = (await loadCatalogueEntries(db)).find((e) => e.id === q.indicator);
  if (!indicator) throw new AppError('not_found', `No indicator ${q.indicator}.`);
  const { period } = await resolvePeriod(db, q.period);
  if (!period) throw new AppError('not_found', 'There are no indicator values yet.');
  const group = q.group ?? (area.type === 'pct' ? 'sha' : 'all');
  const pcts = await pctsWithSha(db, TREE_AS_OF);
  const names = new Map(pcts.map((p) => [p.code, p.name]));
  let members: Set<string>;
  let groupLabel: string;
  if (group === 'sha') {
    const sha = area.type === 'sha' ? area.code : area.parentCode;
    members = new Set(pcts.filter((p) => p.shaCode === sha).map((p) => p.code));
    groupLabel = `PCTs in ${area.type === 'sha' ? area.name : area.parentName ?? sha}`;
  } else if (group === 'peers') {
    if (area.type !== 'pct') throw new AppError('invalid', 'Statistical peers are defined for PCTs only.');
    const peers = await peerGroup(db, area.code, period);
    members = new Set([area.code, ...peers.peers.map((p) => p.code)]);
    groupLabel = `${area.name} and its ${peers.peers.length} statistical peers`;
  } else {
    members = new Set(pcts.map((p) => p.code));
    groupLabel = 'All PCTs in England';
  }
  const values = (await valuesOfType(db, 'pct', period, indicator.id)).filter((v) => members.has(v.areaCode));
  const england = (await valuesOfType(db, 'england', period, indicator.id))[0]?.value ?? null;
  const rows: CompareRow[] = values.map((v) => ({
    areaCode: v.areaCode, areaName: names.get(v.areaCode) ?? v.areaCode, value: v.value, lower95: v.lower95, upper95: v.upper95,
    lower998: v.lower998, upper998: v.upper998, numerator: v.numerator, denominator: v.denominator,
    comparedToEngland: v.comparedToEngland, highlighted: v.areaCode === area.code, note: v.note,
    funnelX: null, funnelSignificance: null, od95: null, od998: null,
  }));
  const result: CompareResult = { area, indicator, period, group, groupLabel, englandValue: england, rows, funnel: null, funnelNote: null, overdispersion: null };
  addFunnel(result);
  if (q.overdispersion) addOverdispersion(result);
  rows.sort((a, b) => (a.value ?? Infinity) - (b.value ?? Infinity));
  return result;
}

function addFunnel(r: CompareResult): void {
  const o = funnelOptionsOf(r.indicator);
  if (!o) { r.funnelNote = `A funnel plot does not apply to the ${r.indicator.method} method.`; return; }
  const usable = r.rows.filter((x) => x.value !== null && x.numerator !== null && x.denominator !== null && x.denominator > 0);
  if (usable.length < 3) { r.funnelNote = 'Too few areas with values for a funnel plot.'; return; }
  const frows = usable.map((x) => ({ numerator: x.numerator!, denominator: x.denominator!, rate: x.value! }));
  const sig = funnelSignificance(frows, o);
  usable.forEach((x, i) => {
    x.funnelSignificance = sig[i];
    const px = o.statistic === 'proportion' ? funnelDenominator(frows[i], o) : funnelPoint(frows[i], o).denominatorDerived;
    x.funnelX = Number.isFinite(px) ? px : null;
  });
  const limits = funnelLimits(frows, o).map((l) => (o.statistic === 'rate' ? { ...l, x: l.population } : l));
  r.funnel = { limits, xLabel: o.statistic === 'proportion' ? 'Denominator' : 'Population (derived from events and rate)' };
}

function addOverdispersion(r: CompareResult): void {
  const usable = r.rows.filter((x) => x.value !== null && x.lower95 !== null && x.upper95 !== null && x.upper95 > x.lower95);
  if (usable.length < 3) return;
  const od = estimateOverdispersion(usable.map((x) => ({ y: x.value!, s: (x.upper95! - x.lower95!) / 3.92 })),
    { theta: r.englandValue ?? undefined, levels: [0.95, 0.998] });
  usable.forEach((x, i) => {
    const lim = od.units[i].limits;
    x.od95 = [lim[0].lower, lim[0].upper];
    x.od998 = [lim[1].lower, lim[1].upper];
  });
  r.overdispersion = { phi: od.phi, tau2: od.tau2, overdispersed: od.overdispersed, winsorisedBelow: od.winsorisedBelow, winsorisedAbove: od.winsorisedAbove };
}

export { ENGLAND };
