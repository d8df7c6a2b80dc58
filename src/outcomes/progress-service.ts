// Progress dashboards: one PCT's chosen outcomes against their trajectories, an SHA's PCTs, and the
// national picture (which outcomes were chosen most often, how many PCTs are on track).
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { authorize, type Principal } from '../platform/auth/policy.ts';
import { shaOf } from '../orgs/index.ts';
import { indicatorSeries, loadCatalogueEntries, pctsWithSha } from './profile-repo.ts';
import { getSelection, selectionsOfCycle, type ChoiceRow } from './selection-repo.ts';
import { resolveCycle } from './selection-service.ts';
import { progressOf, type OutcomeProgress } from './progress-model.ts';
import { findArea, TREE_AS_OF } from './profile-service.ts';
import type { CatalogueEntry } from './model-types.ts';
import type { SelectionStatus } from './selection-model.ts';

export interface PctProgressRow extends OutcomeProgress { title: string; unit: string; mandated: boolean; baselineValue: number; baselinePeriod: string; milestones: number[] }
export interface PctSummary { orgCode: string; name: string; status: SelectionStatus | 'not-started'; chosen: number; ahead: number; on: number; off: number; notAssessed: number }

async function progressRows(db: Db, catalogue: CatalogueEntry[], orgCode: string, choices: ChoiceRow[]): Promise<PctProgressRow[]> {
  const rows: PctProgressRow[] = [];
  for (const c of choices) {
    const entry = catalogue.find((e) => e.id === c.indicatorId);
    if (!entry) continue;
    const series = await indicatorSeries(db, c.indicatorId, [orgCode], null);
    rows.push({ ...progressOf(c, entry.polarity, series), title: entry.title, unit: entry.unit, mandated: c.mandated,
      baselineValue: c.baselineValue, baselinePeriod: c.baselinePeriod, milestones: c.milestones });
  }
  return rows;
}

export async function pctProgress(db: Db, principal: Principal | null, orgCode: string, year?: string) {
  authorize(principal, 'org-data:read', { orgCode, shaCode: await shaOf(db, orgCode) });
  const area = await findArea(db, orgCode);
  const cycle = await resolveCycle(db, year);
  const selection = await getSelection(db, cycle.year, area.code);
  const rows = selection ? await progressRows(db, await loadCatalogueEntries(db), area.code, selection.choices) : [];
  return { area, cycle, status: selection?.status ?? 'not-started', rows };
}

function summarise(orgCode: string, name: string, status: PctSummary['status'], rows: OutcomeProgress[]): PctSummary {
  const count = (s: string) => rows.filter((r) => r.status === s).length;
  return { orgCode, name, status, chosen: rows.length, ahead: count('ahead-of-trajectory'), on: count('on-trajectory'), off: count('off-trajectory'), notAssessed: count('not-assessed') };
}

export async function shaProgress(db: Db, principal: Principal | null, shaCode: string, year?: string) {
  authorize(principal, 'org-data:read', { orgCode: shaCode, shaCode });
  const area = await findArea(db, shaCode);
  if (area.type !== 'sha') throw new AppError('invalid', `${shaCode} is not an SHA.`);
  const cycle = await resolveCycle(db, year);
  const catalogue = await loadCatalogueEntries(db);
  const pcts = (await pctsWithSha(db, TREE_AS_OF)).filter((p) => p.shaCode === area.code);
  const selections = new Map((await selectionsOfCycle(db, cycle.year)).map((s) => [s.orgCode, s]));
  const summaries: PctSummary[] = [];
  for (const p of pcts) {
    const s = selections.get(p.code);
    const rows = s ? await progressRows(db, catalogue, p.code, s.choices) : [];
    summaries.push(summarise(p.code, p.name, s?.status ?? 'not-started', rows));
  }
  return { area, cycle, pcts: summaries };
}

/** National summary: published-level aggregates only (counts), so any signed-in user with org-data:read somewhere may see it. */
export async function nationalProgress(db: Db, principal: Principal | null, year?: string) {
  authorize(principal, 'published:read');
  const cycle = await resolveCycle(db, year);
  const catalogue = await loadCatalogueEntries(db);
  const pcts = await pctsWithSha(db, TREE_AS_OF);
  const names = new Map(pcts.map((p) => [p.code, p]));
  const selections = await selectionsOfCycle(db, cycle.year);
  const byIndicator = new Map<string, { chosen: number; on: number; off: number; ahead: number }>();
  const statusCounts: Record<string, number> = { 'not-started': pcts.length - selections.length, draft: 0, submitted: 0, returned: 0, approved: 0 };
  const bySha = new Map<string, { shaCode: string; selections: number; approved: number; onTrack: number; outcomes: number }>();
  for (const s of selections) {
    statusCounts[s.status] = (statusCounts[s.status] ?? 0) + 1;
    const rows = await progressRows(db, catalogue, s.orgCode, s.choices);
    const sha = names.get(s.orgCode)?.shaCode ?? 'unknown';
    const agg = bySha.get(sha) ?? { shaCode: sha, selections: 0, approved: 0, onTrack: 0, outcomes: 0 };
    agg.selections += 1; agg.approved += s.status === 'approved' ? 1 : 0;
    for (const r of rows) {
      const b = byIndicator.get(r.indicatorId) ?? { chosen: 0, on: 0, off: 0, ahead: 0 };
      b.chosen += 1;
      if (r.status === 'on-trajectory') b.on += 1; else if (r.status === 'off-trajectory') b.off += 1; else if (r.status === 'ahead-of-trajectory') b.ahead += 1;
      byIndicator.set(r.indicatorId, b);
      agg.outcomes += 1; agg.onTrack += r.status === 'on-trajectory' || r.status === 'ahead-of-trajectory' ? 1 : 0;
    }
    bySha.set(sha, agg);
  }
  const indicators = [...byIndicator].map(([id, b]) => ({ indicatorId: id, title: catalogue.find((e) => e.id === id)?.title ?? id, ...b }))
    .sort((a, b) => b.chosen - a.chosen || a.indicatorId.localeCompare(b.indicatorId));
  return { cycle, pcts: pcts.length, statusCounts, indicators, shas: [...bySha.values()].sort((a, b) => a.shaCode.localeCompare(b.shaCode)) };
}
