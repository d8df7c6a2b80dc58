// SQL for programme spend, populations and outcome values.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { OutcomeRow, PopulationRow, SpendRow } from './csv-rows.ts';

export async function upsertSpend(client: pg.ClientBase, rows: SpendRow[], source: string): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO investment_spend (org_code, year, programme, spend, source) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (org_code, year, programme) DO UPDATE SET spend = EXCLUDED.spend, source = EXCLUDED.source, updated_at = now()`,
      [r.orgCode, r.year, r.programme, r.spend, source]);
  }
}

export async function upsertPopulation(client: pg.ClientBase, rows: PopulationRow[]): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO investment_populations (org_code, year, age_band, sex, population) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (org_code, year, age_band, sex) DO UPDATE SET population = EXCLUDED.population`,
      [r.orgCode, r.year, r.ageBand, r.sex, r.population]);
  }
}

export async function upsertOutcomes(client: pg.ClientBase, rows: OutcomeRow[], source: string): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO investment_outcome_values (indicator_id, org_code, period, value, source) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (indicator_id, org_code, period) DO UPDATE SET value = EXCLUDED.value, source = EXCLUDED.source`,
      [r.indicatorId, r.orgCode, r.period, r.value, source]);
  }
}

export async function existingPcts(db: Db | pg.ClientBase, codes: string[]): Promise<Set<string>> {
  const { rows } = await db.query(`SELECT code FROM organisations WHERE type = 'pct' AND code = ANY($1::text[])`, [codes]);
  return new Set(rows.map((r) => r.code as string));
}

export interface SpendCell { orgCode: string; programme: string; spend: number }
export async function spendForYear(db: Db, year: string, orgCodes: string[] | null): Promise<SpendCell[]> {
  const { rows } = await db.query(
    `SELECT org_code, programme, spend FROM investment_spend
      WHERE year = $1 AND ($2::text[] IS NULL OR org_code = ANY($2::text[])) ORDER BY org_code, programme::int`,
    [year, orgCodes]);
  return rows.map((r) => ({ orgCode: r.org_code, programme: r.programme, spend: Number(r.spend) }));
}

export async function populationsForYear(db: Db, year: string): Promise<Map<string, PopulationRow[]>> {
  const { rows } = await db.query(`SELECT org_code, year, age_band, sex, population FROM investment_populations WHERE year = $1`, [year]);
  const out = new Map<string, PopulationRow[]>();
  for (const r of rows) {
    const list = out.get(r.org_code) ?? [];
    list.push({ orgCode: r.org_code, year: r.year, ageBand: r.age_band, sex: r.sex, population: Number(r.population) });
    out.set(r.org_code, list);
  }
  return out;
}

/**
 * The latest value of an outcome indicator per PCT: from the indicator engine (indicator_values,
 * persons) when it has any, otherwise from investment outcome imports.
 */
export async function latestOutcomes(db: Db, indicatorId: string): Promise<{ period: string | null; source: string; values: Map<string, number> }> {
  const engine = await db.query(
    `SELECT area_code, period, value FROM indicator_values
      WHERE indicator_id = $1 AND area_type = 'pct' AND breakdown = 'persons' AND value IS NOT NULL
        AND period = (SELECT max(period) FROM indicator_values WHERE indicator_id = $1 AND area_type = 'pct' AND breakdown = 'persons' AND value IS NOT NULL)`,
    [indicatorId]);
  if (engine.rows.length) return { period: engine.rows[0].period, source: 'indicator engine', values: new Map(engine.rows.map((r) => [r.area_code, r.value])) };
  const imported = await db.query(
    `SELECT org_code, period, value FROM investment_outcome_values
      WHERE indicator_id = $1 AND period = (SELECT max(period) FROM investment_outcome_values WHERE indicator_id = $1)`,
    [indicatorId]);
  return { period: imported.rows[0]?.period ?? null, source: 'outcome import', values: new Map(imported.rows.map((r) => [r.org_code, r.value])) };
}

export async function polarityOf(db: Db, indicatorId: string): Promise<'lower-is-better' | 'higher-is-better'> {
  const { rows } = await db.query(`SELECT polarity FROM indicators WHERE id = $1`, [indicatorId]);
  return rows[0]?.polarity === 'higher-is-better' ? 'higher-is-better' : 'lower-is-better';
}
