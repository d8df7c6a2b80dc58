// Heatmap: the PCTs of an SHA (or all PCTs for England) × every indicator in a period, each cell the
// engine's stored comparison with England, so the colours match the profile and the exports.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { findArea, resolvePeriod, TREE_AS_OF, type AreaRef } from './profile-service.ts';
import { loadCatalogueEntries, pctsWithSha, valuesOfType } from './profile-repo.ts';
import type { CatalogueEntry } from './model-types.ts';

export interface HeatmapCell { areaCode: string; areaName: string; indicatorId: string; value: number | null; comparison: string }
export interface HeatmapView {
  area: AreaRef; period: string; indicators: Pick<CatalogueEntry, 'id' | 'title' | 'unit' | 'polarity'>[];
  areas: { code: string; name: string }[]; cells: HeatmapCell[];
}

export async function heatmapOf(db: Db, code: string, q: { period?: string }): Promise<HeatmapView> {
  const area = await findArea(db, code);
  if (area.type === 'pct') throw new AppError('invalid', 'A heatmap is drawn for an SHA (its PCTs) or England (all PCTs).');
  const { period } = await resolvePeriod(db, q.period);
  if (!period) throw new AppError('not_found', 'There are no indicator values yet.');
  const pcts = (await pctsWithSha(db, TREE_AS_OF)).filter((p) => area.type === 'england' || p.shaCode === area.code);
  const members = new Map(pcts.map((p) => [p.code, p.name]));
  const values = (await valuesOfType(db, 'pct', period)).filter((v) => members.has(v.areaCode));
  const present = new Set(values.map((v) => v.indicatorId));
  const indicators = (await loadCatalogueEntries(db)).filter((e) => present.has(e.id))
    .map(({ id, title, unit, polarity }) => ({ id, title, unit, polarity }));
  const cells = values.map((v) => ({
    areaCode: v.areaCode, areaName: members.get(v.areaCode)!, indicatorId: v.indicatorId, value: v.value,
    comparison: v.comparedToEngland ?? 'not-compared',
  }));
  return { area, period, indicators, areas: pcts.map((p) => ({ code: p.code, name: p.name })), cells };
}
