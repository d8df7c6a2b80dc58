// Statistical peers of each PCT for opportunity sizing: the k nearest neighbours over the PCTs' own
// characteristics (deprivation and age structure from pct_characteristics, population.sql), by the
// method of src/stats/peers.ts (z-scores, Euclidean distance, ties to the lower code). Written to the
// DuckDB table pct_peers (pct_code, peer_code, rank, distance) that opportunity.sql benchmarks against.
import type { Duck } from '../analytics/duckdb.ts';
import { findPeers, type PeerArea } from '../stats/peers.ts';

export const PEER_VARIABLES = ['imd_score', 'share_most_deprived', 'share_under_15', 'share_65_plus'] as const;
export const PEER_COUNT = 10;

export interface PeerLink { pctCode: string; peerCode: string; rank: number; distance: number }

/**
 * Nearest-neighbour peers of every area. A characteristic no area has (e.g. no IMD import) is left out;
 * an area missing one that others have is left out (no peers, no opportunity).
 */
export function nearestPeers(rows: Record<string, unknown>[], k = PEER_COUNT): PeerLink[] {
  const value = (r: Record<string, unknown>, v: string) => (r[v] === null || r[v] === undefined ? NaN : Number(r[v]));
  const variables = PEER_VARIABLES.filter((v) => rows.some((r) => Number.isFinite(value(r, v))));
  if (variables.length === 0) return [];
  const areas: PeerArea[] = rows.filter((r) => variables.every((v) => Number.isFinite(value(r, v))))
    .map((r) => ({ code: String(r.pct_code), values: Object.fromEntries(variables.map((v) => [v, value(r, v)])) }));
  if (areas.length < 2) return [];
  const kk = Math.min(k, areas.length - 1);
  return areas.flatMap((a) => findPeers(areas, a.code, { variables: [...variables], k: kk })
    .map((p) => ({ pctCode: a.code, peerCode: p.code, rank: p.rank, distance: p.distance })));
}

/** Builds pct_peers from pct_characteristics. */
export async function buildPeerTable(duck: Duck, k = PEER_COUNT): Promise<PeerLink[]> {
  const rows = await duck.all<Record<string, unknown>>(`SELECT pct_code, ${PEER_VARIABLES.join(', ')} FROM pct_characteristics WHERE pct_code IS NOT NULL ORDER BY pct_code`);
  const links = nearestPeers(rows, k);
  await duck.run('CREATE OR REPLACE TABLE pct_peers (pct_code VARCHAR, peer_code VARCHAR, rank INTEGER, distance DOUBLE)');
  for (let i = 0; i < links.length; i += 500) {
    const batch = links.slice(i, i + 500);
    const params = batch.flatMap((l) => [l.pctCode, l.peerCode, l.rank, l.distance]);
    await duck.run(`INSERT INTO pct_peers VALUES ${batch.map((_, j) => `($${4 * j + 1}, $${4 * j + 2}, $${4 * j + 3}, $${4 * j + 4})`).join(', ')}`, params);
  }
  return links;
}
