// Statistical peers (STATISTICS.md section 19) for a PCT: nearest neighbours on age structure,
// births, deprivation and size, each variable built from data already in the database, the distance by
// src/stats/peers. The variables and each peer's distance are returned so users can judge the group.
import type { Db } from '../platform/db.ts';
import { findPeers, type Peer, type PeerArea } from '../stats/peers.ts';
import { yearRange } from './profile-repo.ts';

export interface PeerVariable { name: string; label: string }
export const PEER_VARIABLES: PeerVariable[] = [
  { name: 'share65plus', label: 'Share of the population aged 65 and over (%)' },
  { name: 'birthRate', label: 'Live births per 1,000 population' },
  { name: 'imdScore', label: 'Deprivation: population-unweighted mean IMD score of its small areas' },
  { name: 'logPopulation', label: 'Population size (natural log)' },
];
export const PEER_COUNT = 10;

export interface PeerGroup {
  area: string; period: string; variables: PeerVariable[];
  /** The area's own variable values. */
  values: Record<string, number>;
  peers: (Peer & { values: Record<string, number> })[];
  note: string | null;
}

/** Peer variables per PCT for a period, keeping only variables known for every PCT that has any. */
export async function peerVariables(db: Db, period: string): Promise<{ areas: PeerArea[]; variables: PeerVariable[] }> {
  const { rows } = await db.query(
    `SELECT area_code, indicator_id, denominator FROM indicator_values
     WHERE area_type = 'pct' AND period >= $1 AND period < $2 AND breakdown = 'persons'
       AND indicator_id IN ('mortality-all-cause', 'hip-fractures-65-plus', 'mortality-infant') AND denominator > 0`, yearRange(period));
  const imd = await db.query(
    `SELECT a.pct_code, avg(i.score) AS score FROM lsoa01_areas a JOIN imd_lsoa01 i ON i.lsoa01 = a.lsoa01
     WHERE i.imd_year = (SELECT max(imd_year) FROM imd_lsoa01) AND i.score IS NOT NULL AND a.pct_code IS NOT NULL
     GROUP BY a.pct_code`);
  const by = new Map<string, Record<string, number>>();
  for (const r of rows) {
    const v = by.get(r.area_code) ?? {};
    v[r.indicator_id] = r.denominator;
    by.set(r.area_code, v);
  }
  const score = new Map<string, number>(imd.rows.map((r) => [r.pct_code, r.score]));
  const areas: PeerArea[] = [];
  for (const [code, d] of by) {
    const pop = d['mortality-all-cause'];
    if (!pop) continue;
    const values: Record<string, number> = { logPopulation: Math.log(pop) };
    if (d['hip-fractures-65-plus']) values.share65plus = (100 * d['hip-fractures-65-plus']) / pop;
    if (d['mortality-infant']) values.birthRate = (1000 * d['mortality-infant']) / pop;
    if (score.has(code)) values.imdScore = score.get(code)!;
    areas.push({ code, values });
  }
  const variables = PEER_VARIABLES.filter((v) => areas.length > 0 && areas.every((a) => v.name in a.values));
  return { areas, variables };
}

export async function peerGroup(db: Db, code: string, period: string, k = PEER_COUNT): Promise<PeerGroup> {
  const { areas, variables } = await peerVariables(db, period);
  const own = areas.find((a) => a.code === code);
  if (!own || variables.length === 0) {
    return { area: code, period, variables, values: own?.values ?? {}, peers: [], note: `No peer variables for ${code} in ${period}.` };
  }
  const names = variables.map((v) => v.name);
  const peers = findPeers(areas, code, { variables: names, k });
  const byCode = new Map(areas.map((a) => [a.code, a.values]));
  const missing = PEER_VARIABLES.filter((v) => !names.includes(v.name)).map((v) => v.label);
  return {
    area: code, period, variables, values: own.values,
    peers: peers.map((p) => ({ ...p, values: byCode.get(p.code) ?? {} })),
    note: missing.length ? `Not used (not known for every PCT): ${missing.join('; ')}.` : null,
  };
}
