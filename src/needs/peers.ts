// Statistical peers of each PCT for opportunity sizing: the k nearest neighbours over the PCTs' own
// characteristics (deprivation and age structure from pct_characteristics, population.sql), by the
// method of src/stats/peers.ts (z-scores, Euclidean distance, ties to the lower code). Written to the
// DuckDB table pct_peers (pct_code, peer_code, rank, distance) that opportunity.sql benchmarks against.
import type { Duck } from '../analytics/duckdb.ts';
import { findPeers, type PeerArea } from '../stats/peers.ts';

export const PEER_VARIABLES = ['imd_score', 'share_most_deprived', 'share_under_15', 'share_65_plus'] as const;
export const PEER_COUNT = 10;

export interface PeerLink { pctCode: string; peerCode: string; rank: number; distance: number }

/** Nearest-neighbour peers of every area; areas missing a characteristic are left out (no peers, no opportunity). */
export function nearestPeers(rows: Record<string, unknown>[], k = PEER_COUNT): PeerLink[] {
  const areas: PeerArea[] = [];
  for (const r of rows) {
    const values: Record<string, number> = {};
    let complete = true;
    for (const v of PEER_VARIABLES) {
      const x = r[v] === null || r[v] === undefined ? NaN : Number(r[v]);
      if (!Number.isFinite(x)) complete = false;
      values[v] = x;
    }
    if (complete) areas.push({ code: String(r.pct_code), values });
  }
  if (areas.length < 2) return [];
  const kk = Math.min(k, areas.length - 1);
  return areas.flatMap((a) => findPeers(areas, a.code, { variables: [...PEER_VARIABLES], k: kk })
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
