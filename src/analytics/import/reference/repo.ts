// PostgreSQL writes for the reference lookups. Rows go in as parallel arrays through unnest(), in
// chunks, so a 32,000-row IMD file is a handful of statements.
import type { ClientBase } from 'pg';

const CHUNK = 5000;

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export interface LaPctRow { la_code: string; la_name: string; la_ons_code: string | null; pct_code: string; match: string }

export async function upsertLaPct(client: ClientBase, rows: LaPctRow[]): Promise<number> {
  await inChunks(rows, (c) => client.query(
    `INSERT INTO la_pct (la_code, la_name, la_ons_code, pct_code, match)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
     ON CONFLICT (la_code) DO UPDATE SET la_name = EXCLUDED.la_name, la_ons_code = EXCLUDED.la_ons_code,
       pct_code = EXCLUDED.pct_code, match = EXCLUDED.match`,
    [c.map((r) => r.la_code), c.map((r) => r.la_name), c.map((r) => r.la_ons_code), c.map((r) => r.pct_code), c.map((r) => r.match)]));
  return rows.length;
}

export interface ImdRow {
  imd_year: number; lsoa01: string; la_code: string | null; la_name: string | null; pct_code: string | null;
  score: number | null; rank: number; decile: number; quintile: number;
}

export async function upsertImd(client: ClientBase, rows: ImdRow[], importId: string): Promise<number> {
  await inChunks(rows, (c) => client.query(
    `INSERT INTO imd_lsoa01 (imd_year, lsoa01, score, rank, decile, quintile, import_id)
     SELECT y, l, s, r, d, q, $7 FROM unnest($1::int[], $2::text[], $3::float8[], $4::int[], $5::int[], $6::int[]) AS t(y, l, s, r, d, q)
     ON CONFLICT (imd_year, lsoa01) DO UPDATE SET score = coalesce(EXCLUDED.score, imd_lsoa01.score),
       rank = EXCLUDED.rank, decile = EXCLUDED.decile, quintile = EXCLUDED.quintile, import_id = EXCLUDED.import_id`,
    [c.map((r) => r.imd_year), c.map((r) => r.lsoa01), c.map((r) => r.score), c.map((r) => r.rank),
      c.map((r) => r.decile), c.map((r) => r.quintile), importId]));
  // Small areas → LA → PCT, from files that carry the LA; the 2007 (pre-2009 unitaries) codes win.
  const placed = rows.filter((r) => r.la_code !== null);
  await inChunks(placed, (c) => client.query(
    `INSERT INTO lsoa01_areas (lsoa01, la_code, la_name, pct_code, import_id)
     SELECT l, la, n, p, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(l, la, n, p)
     ON CONFLICT (lsoa01) DO UPDATE SET la_code = EXCLUDED.la_code, la_name = EXCLUDED.la_name,
       pct_code = EXCLUDED.pct_code, import_id = EXCLUDED.import_id
     WHERE $6::int <= 2007`,
    [c.map((r) => r.lsoa01), c.map((r) => r.la_code), c.map((r) => r.la_name), c.map((r) => r.pct_code), importId,
      rows[0]?.imd_year ?? 0]));
  return rows.length;
}
