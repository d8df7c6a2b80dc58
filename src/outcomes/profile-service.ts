// GET /api/areas/{code}/profile: every indicator of an area in a period against England, its parent
// or its statistical peers, with limits, trend marker, red-red flag and spine distribution.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { getOrganisation, type Organisation } from '../orgs/index.ts';
import { areaSeries, listPeriods, loadCatalogueEntries, valuesOnly } from './profile-repo.ts';
import { buildProfile, groupMeans, type ProfileRow } from './profile-model.ts';
import { peerGroup, type PeerGroup } from './peers-service.ts';
import { ENGLAND, periodYear, type BenchmarkKind, type StoredValue } from './model-types.ts';

/** The organisation tree used to group areas (SHA membership, PCT list): 2008/09, the first WCC year. */
export const TREE_AS_OF = '2009-04-01';

export interface AreaRef { code: string; name: string; type: string; parentCode: string | null; parentName: string | null }
export interface Profile {
  area: AreaRef; period: string | null; periods: string[];
  benchmark: { kind: BenchmarkKind; label: string; code: string | null; peers: PeerGroup | null };
  rows: ProfileRow[];
}

export async function findArea(db: Db, code: string): Promise<AreaRef> {
  const org: Organisation | null = await getOrganisation(db, code.toUpperCase(), TREE_AS_OF) ?? await getOrganisation(db, code.toUpperCase());
  if (!org) throw new AppError('not_found', `No area ${code}.`);
  const parent = org.parentCode ? await getOrganisation(db, org.parentCode) : null;
  return { code: org.code, name: org.name, type: org.type, parentCode: org.parentCode, parentName: parent?.name ?? null };
}

/** The periods to offer: one per year, the financial-year label when there is one ('2008-09' over '2008'). */
export function periodChoices(all: string[]): string[] {
  const byYear = new Map<number, string>();
  for (const p of all) {
    const y = periodYear(p), had = byYear.get(y);
    if (!had || (p.length > had.length && /^\d{4}-\d{2}$/.test(p))) byYear.set(y, p);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([, p]) => p);
}

export async function resolvePeriod(db: Db, period: string | undefined): Promise<{ period: string | null; periods: string[] }> {
  const all = await listPeriods(db);
  if (period && !all.includes(period)) throw new AppError('not_found', `No indicator values for period ${period}.`);
  const periods = periodChoices(all);
  if (period && !periods.includes(period)) period = periods.find((p) => periodYear(p) === periodYear(period!)) ?? period;
  return { period: period ?? periods.at(-1) ?? null, periods };
}

const valueMap = (values: StoredValue[], code: string, period: string) =>
  new Map(values.filter((v) => v.areaCode === code && periodYear(v.period) === periodYear(period)).map((v) => [v.indicatorId, v.value]));

export async function getProfile(db: Db, code: string, opts: { period?: string; benchmark?: BenchmarkKind }): Promise<Profile> {
  const area = await findArea(db, code);
  const kind = opts.benchmark ?? 'england';
  if (kind === 'peers' && area.type !== 'pct') throw new AppError('invalid', 'Statistical peers are defined for PCTs only.');
  const { period, periods } = await resolvePeriod(db, opts.period);
  const benchmark = { kind, label: 'England', code: ENGLAND as string | null, peers: null as PeerGroup | null };
  if (!period) return { area, period, periods, benchmark, rows: [] };
  const [catalogue, pcts] = await Promise.all([loadCatalogueEntries(db), valuesOnly(db, 'pct', period)]);
  const codes = [area.code, ENGLAND, ...(kind === 'parent' && area.parentCode ? [area.parentCode] : [])];
  const series = await areaSeries(db, [...new Set(codes)]);
  const england = valueMap(series, ENGLAND, period);
  let benchmarkValues = england;
  if (kind === 'parent') {
    benchmark.code = area.parentCode;
    benchmark.label = area.parentName ?? 'Parent';
    benchmarkValues = area.parentCode ? valueMap(series, area.parentCode, period) : new Map();
  } else if (kind === 'peers') {
    benchmark.peers = await peerGroup(db, area.code, period);
    const peerCodes = new Set(benchmark.peers.peers.map((p) => p.code));
    benchmark.code = null;
    benchmark.label = `Mean of ${peerCodes.size} statistical peers`;
    benchmarkValues = groupMeans(pcts.filter((v) => peerCodes.has(v.areaCode)));
  }
  const distribution = new Map<string, number[]>();
  for (const v of pcts) {
    const list = distribution.get(v.indicatorId) ?? [];
    list.push(v.value);
    distribution.set(v.indicatorId, list);
  }
  const rows = buildProfile({
    catalogue, period, benchmark: kind, series: series.filter((v) => v.areaCode === area.code), england, benchmarkValues, distribution,
  });
  return { area, period, periods, benchmark, rows };
}
