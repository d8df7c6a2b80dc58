// Programme budgets: CSV imports (whole file validated, nothing written on any error, audited) and the
// analyses: spend per head and per weighted head by programme, and spend against outcome with peers.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { can, requirePrincipal, type Principal } from '../platform/auth/policy.ts';
import { loadNeedsWeights, loadProgrammeCategories, loadProgrammeOutcomes } from './programmes.ts';
import { parseOutcomeCsv, parsePopulationCsv, parseSpendCsv, type RowError } from './csv-rows.ts';
import { existingPcts, latestOutcomes, polarityOf, populationsForYear, spendForYear, upsertOutcomes, upsertPopulation, upsertSpend } from './spend-repo.ts';
import { median, placeInQuadrants, weightedPopulation, type PlacedPoint } from './spend-outcome.ts';
import { targetOf } from './access.ts';
import { shaOf } from '../orgs/index.ts';

export type ImportKind = 'spend' | 'population' | 'outcomes';

function fail(errors: RowError[]): never {
  throw new AppError('invalid', `The file has ${errors.length} problem(s); nothing was imported.`,
    errors.slice(0, 200).map((e) => ({ path: `line ${e.line}${e.column ? `/${e.column}` : ''}`, message: e.message })));
}

/** Imports one CSV; every row's organisation must exist and be one the user may import for. */
export async function importInvestmentCsv(db: Db, principal: Principal | null, kind: ImportKind, csv: string, fileName: string): Promise<{ rows: number; orgCodes: string[] }> {
  const actor = requirePrincipal(principal);
  const parsed = kind === 'spend' ? parseSpendCsv(csv, new Set(loadProgrammeCategories().map((c) => c.code)))
    : kind === 'population' ? parsePopulationCsv(csv, new Set(loadNeedsWeights().map((w) => w.ageBand)))
      : parseOutcomeCsv(csv);
  if (parsed.errors.length) fail(parsed.errors);
  const rows = parsed.rows as { orgCode: string }[];
  const codes = [...new Set(rows.map((r) => r.orgCode))];
  const known = await existingPcts(db, codes);
  const errors: RowError[] = [];
  for (const [i, r] of rows.entries()) {
    if (!known.has(r.orgCode)) errors.push({ line: i + 2, column: 'org_code', message: `no PCT with code ${r.orgCode}` });
  }
  if (errors.length) fail(errors);
  for (const code of codes) {
    const t = await targetOf(db, code);
    if (!can(actor, 'analytics:import', t) && !can(actor, 'org-data:write', t)) throw new AppError('forbidden', `You may not import data for ${code}.`);
  }
  await withTransaction(db, async (client) => {
    if (kind === 'spend') await upsertSpend(client, parsed.rows as never, fileName);
    else if (kind === 'population') await upsertPopulation(client, parsed.rows as never);
    else await upsertOutcomes(client, parsed.rows as never, fileName);
    for (const code of codes) {
      await recordAudit(client, { actor, action: `investment.import-${kind}`, objectType: 'investment_import', objectId: `${kind}:${fileName}`, orgCode: code,
        after: { fileName, rows: rows.filter((r) => r.orgCode === code).length } });
    }
  });
  return { rows: rows.length, orgCodes: codes };
}

export interface ProgrammeLine {
  programme: string; name: string; spend: number; perHead: number | null; perWeightedHead: number | null;
  peerMedianPerHead: number | null; outcomeIndicator: string | null;
}

async function perHeadTable(db: Db, year: string) {
  const weights = loadNeedsWeights();
  const pops = await populationsForYear(db, year);
  const heads = new Map<string, { population: number; weighted: number }>();
  for (const [org, cells] of pops) heads.set(org, weightedPopulation(cells, weights));
  return heads;
}

/** Spend by programme for a PCT and year, with per-head figures and the median of all PCTs with data. */
export async function programmeBudget(db: Db, orgCode: string, year: string): Promise<{ orgCode: string; year: string; population: number | null; weightedPopulation: number | null; total: number; lines: ProgrammeLine[] }> {
  const [all, heads] = await Promise.all([spendForYear(db, year, null), perHeadTable(db, year)]);
  const cats = loadProgrammeCategories();
  const outcomes = new Map(loadProgrammeOutcomes().map((o) => [o.programme, o.indicatorId]));
  const mine = all.filter((c) => c.orgCode === orgCode);
  if (!mine.length) throw new AppError('not_found', `There is no programme spend for ${orgCode} in ${year}.`);
  const head = heads.get(orgCode) ?? null;
  const lines = cats.map((cat): ProgrammeLine => {
    const spend = mine.find((c) => c.programme === cat.code)?.spend ?? 0;
    const peers = all.filter((c) => c.programme === cat.code && heads.has(c.orgCode)).map((c) => c.spend / heads.get(c.orgCode)!.population);
    return {
      programme: cat.code, name: cat.name, spend,
      perHead: head ? spend / head.population : null,
      perWeightedHead: head ? spend / head.weighted : null,
      peerMedianPerHead: peers.length ? median(peers) : null,
      outcomeIndicator: outcomes.get(cat.code) ?? null,
    };
  });
  return { orgCode, year, population: head?.population ?? null, weightedPopulation: head?.weighted ?? null, total: lines.reduce((s, l) => s + l.spend, 0), lines };
}

export interface SpendOutcome {
  orgCode: string; year: string; programme: string; programmeName: string; indicatorId: string; outcomePeriod: string | null; outcomeSource: string;
  polarity: 'lower-is-better' | 'higher-is-better'; peerGroup: string; spendMedian: number; outcomeMedian: number; points: (PlacedPoint & { isSubject: boolean })[];
}

/** Spend per weighted head on a programme against its outcome, for the PCT and its peers. */
export async function spendAgainstOutcome(db: Db, orgCode: string, year: string, programme: string, peers: 'england' | 'sha', indicatorOverride?: string): Promise<SpendOutcome> {
  const cat = loadProgrammeCategories().find((c) => c.code === programme);
  if (!cat) throw new AppError('not_found', `There is no programme ${programme}.`);
  const indicatorId = indicatorOverride ?? loadProgrammeOutcomes().find((o) => o.programme === programme)?.indicatorId;
  if (!indicatorId) throw new AppError('invalid', `Programme ${programme} has no default outcome indicator; name one.`);
  let orgCodes: string[] | null = null;
  if (peers === 'sha') {
    const sha = await shaOf(db, orgCode);
    const { rows } = await db.query(`SELECT child_code FROM organisation_hierarchy WHERE parent_code = $1`, [sha]);
    orgCodes = rows.map((r) => r.child_code);
  }
  const [spend, heads, outcome, polarity] = await Promise.all([spendForYear(db, year, orgCodes), perHeadTable(db, year), latestOutcomes(db, indicatorId), polarityOf(db, indicatorId)]);
  const points = spend.filter((c) => c.programme === programme && heads.has(c.orgCode))
    .map((c) => ({ orgCode: c.orgCode, spendPerHead: c.spend / heads.get(c.orgCode)!.weighted, outcome: outcome.values.get(c.orgCode) ?? null }));
  if (!points.some((p) => p.orgCode === orgCode)) throw new AppError('not_found', `There is no spend and population for ${orgCode} in ${year}.`);
  const placed = placeInQuadrants(points, polarity);
  return {
    orgCode, year, programme, programmeName: cat.name, indicatorId, outcomePeriod: outcome.period, outcomeSource: outcome.source, polarity,
    peerGroup: peers === 'sha' ? 'PCTs in the same SHA' : 'all PCTs with data',
    spendMedian: placed.spendMedian, outcomeMedian: placed.outcomeMedian,
    points: placed.points.map((p) => ({ ...p, isSubject: p.orgCode === orgCode })),
  };
}
