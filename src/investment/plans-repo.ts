// SQL for optimiser runs and five-year plans.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import type { PlanInputs } from './plan.ts';

type Q = Db | pg.ClientBase;

export async function insertRun(q: Q, roundId: number, kind: 'optimise' | 'monte-carlo', input: unknown, result: unknown, userId: string | null): Promise<number> {
  const { rows } = await q.query(`INSERT INTO investment_runs (round_id, kind, input, result, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [roundId, kind, JSON.stringify(input), JSON.stringify(result), userId]);
  return Number(rows[0].id);
}

export async function latestRun<T>(q: Q, roundId: number, kind: 'optimise' | 'monte-carlo'): Promise<{ id: number; input: unknown; result: T; createdAt: string } | null> {
  const { rows } = await q.query(`SELECT id, input, result, created_at FROM investment_runs WHERE round_id = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`, [roundId, kind]);
  return rows[0] ? { id: Number(rows[0].id), input: rows[0].input, result: rows[0].result as T, createdAt: rows[0].created_at.toISOString() } : null;
}

export interface PlanRow { id: number; orgCode: string; firstYear: string; roundId: number | null; inputs: PlanInputs; updatedAt: string }
const planOf = (r: Record<string, any>): PlanRow => ({ id: Number(r.id), orgCode: r.org_code, firstYear: r.first_year, roundId: r.round_id === null ? null : Number(r.round_id), inputs: r.inputs, updatedAt: r.updated_at.toISOString() });

export async function upsertPlan(q: Q, orgCode: string, firstYear: string, roundId: number | null, inputs: PlanInputs, userId: string | null): Promise<PlanRow> {
  const { rows } = await q.query(
    `INSERT INTO investment_plans (org_code, first_year, round_id, inputs, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (org_code, first_year) DO UPDATE SET round_id = EXCLUDED.round_id, inputs = EXCLUDED.inputs, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`, [orgCode, firstYear, roundId, JSON.stringify(inputs), userId]);
  return planOf(rows[0]);
}

export async function getPlan(q: Q, orgCode: string, firstYear: string): Promise<PlanRow | null> {
  const { rows } = await q.query(`SELECT * FROM investment_plans WHERE org_code = $1 AND first_year = $2`, [orgCode, firstYear]);
  return rows[0] ? planOf(rows[0]) : null;
}

/** The plan whose five years include `year` (the latest-starting one if several do). */
export async function planCovering(q: Q, orgCode: string, year: string): Promise<PlanRow | null> {
  const start = Number(year.slice(0, 4));
  const { rows } = await q.query(
    `SELECT * FROM investment_plans WHERE org_code = $1 AND substr(first_year, 1, 4)::int BETWEEN $2 - 4 AND $2
      ORDER BY first_year DESC LIMIT 1`, [orgCode, start]);
  return rows[0] ? planOf(rows[0]) : null;
}
