// PostgreSQL access for the indicator engine: the catalogue table, computed values (delete + insert in
// one transaction per indicator × period), the computation record, and the reads behind the API/CLI.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { withTransaction, type Db } from '../../platform/db.ts';
import type { IndicatorDefinition } from './definition-schema.ts';
import type { IndicatorValue } from './compute-values.ts';
import type { AreaTree } from './warehouse-views.ts';

export function definitionHash(def: IndicatorDefinition): string {
  return createHash('sha256').update(JSON.stringify(def)).digest('hex');
}

export async function syncCatalogue(db: Db, defs: IndicatorDefinition[]): Promise<void> {
  await withTransaction(db, async (client) => {
    for (const d of defs) {
      await client.query(
        `INSERT INTO indicators (id, title, domain, method, computed, polarity, unit, multiplier, period_type, vital_signs, definition, definition_hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (id) DO UPDATE SET title = $2, domain = $3, method = $4, computed = $5, polarity = $6, unit = $7,
           multiplier = $8, period_type = $9, vital_signs = $10, definition = $11, definition_hash = $12, updated_at = now()
         WHERE indicators.definition_hash <> $12`,
        [d.id, d.title, d.domain, d.method, d.computed, d.polarity, d.unit, d.multiplier, d.periodType, d.vitalSigns ?? null,
          JSON.stringify(d), definitionHash(d)],
      );
    }
  });
}

/** PCTs and their SHA on a date, from the organisation tree. */
export async function loadAreaTree(db: Db, asOf: string): Promise<AreaTree> {
  const { rows } = await db.query(
    `SELECT h.child_code AS code, h.parent_code AS sha_code
     FROM organisation_hierarchy h JOIN organisations o ON o.code = h.child_code
     WHERE o.type = 'pct' AND h.valid_from <= $1 AND (h.valid_to IS NULL OR h.valid_to >= $1)
     ORDER BY h.child_code`,
    [asOf],
  );
  return { pcts: rows.map((r) => ({ code: r.code, shaCode: r.sha_code })) };
}

/** The inputs key of every computation of these indicators, keyed 'indicator|period'. */
export async function getInputsKeys(db: Db, indicatorIds: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query('SELECT indicator_id, period, inputs_key FROM indicator_computations WHERE indicator_id = ANY($1)', [indicatorIds]);
  return new Map(rows.map((r) => [`${r.indicator_id}|${r.period}`, r.inputs_key as string]));
}

export interface ComputationRecord {
  indicatorId: string; period: string; inputsKey: string; importIds: string[]; durationMs: number; computedBy: string | null;
}

/** Replaces the computed values of one indicator and period, and records their inputs, atomically. */
export async function replaceValues(db: Db, rec: ComputationRecord, values: IndicatorValue[]): Promise<void> {
  await withTransaction(db, async (client) => {
    await client.query('DELETE FROM indicator_values WHERE indicator_id = $1 AND period = $2 AND source_import_id IS NULL', [rec.indicatorId, rec.period]);
    const col = <K extends keyof IndicatorValue>(k: K) => values.map((v) => v[k]);
    const lim = (i: number) => values.map((v) => v.limits[i]);
    if (values.length > 0) {
      await client.query(
        `INSERT INTO indicator_values (indicator_id, area_code, area_type, period, breakdown, numerator, denominator, value,
           lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl, compared_to_england, compared_to_parent, note)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[],
           $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[], $14::text[], $15::text[])`,
        [rec.indicatorId, col('areaCode'), col('areaType'), col('period'), col('breakdown'), col('numerator'), col('denominator'),
          col('value'), lim(0), lim(1), lim(2), lim(3), col('comparedToEngland'), col('comparedToParent'), col('note')],
      );
    }
    await client.query(
      `INSERT INTO indicator_computations (indicator_id, period, inputs_key, import_ids, value_count, duration_ms, computed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (indicator_id, period) DO UPDATE SET inputs_key = $3, import_ids = $4, value_count = $5,
         duration_ms = $6, computed_by = $7, computed_at = now()`,
      [rec.indicatorId, rec.period, rec.inputsKey, rec.importIds, values.length, Math.round(rec.durationMs), rec.computedBy],
    );
  });
}

export interface IndicatorSummary {
  id: string; title: string; domain: string; method: string; computed: boolean; polarity: string; unit: string;
  multiplier: number; periodType: string; vitalSigns: string | null; periods: string[];
}

const summaryOf = (r: pg.QueryResultRow): IndicatorSummary => ({
  id: r.id, title: r.title, domain: r.domain, method: r.method, computed: r.computed, polarity: r.polarity, unit: r.unit,
  multiplier: r.multiplier, periodType: r.period_type, vitalSigns: r.vital_signs, periods: r.periods ?? [],
});

const SUMMARY_SQL = `
  SELECT i.*, (SELECT array_agg(DISTINCT v.period ORDER BY v.period) FROM indicator_values v WHERE v.indicator_id = i.id) AS periods
  FROM indicators i`;

export async function listIndicators(db: Db): Promise<IndicatorSummary[]> {
  const { rows } = await db.query(`${SUMMARY_SQL} ORDER BY i.domain, i.id`);
  return rows.map(summaryOf);
}

export async function getIndicator(db: Db, id: string): Promise<{ summary: IndicatorSummary; definition: IndicatorDefinition } | null> {
  const { rows } = await db.query(`${SUMMARY_SQL} WHERE i.id = $1`, [id]);
  return rows[0] ? { summary: summaryOf(rows[0]), definition: rows[0].definition } : null;
}

export interface ValueFilter { indicatorId: string; areaType?: string; period?: string; breakdown?: string; area?: string }

export const EXPORT_COLUMNS = [
  'indicator_id', 'area_code', 'area_type', 'period', 'breakdown', 'numerator', 'denominator', 'value',
  'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl', 'compared_to_england', 'compared_to_parent', 'note',
] as const;
export type ValueRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

export async function findValues(db: Db, f: ValueFilter): Promise<ValueRow[]> {
  const { rows } = await db.query(
    `SELECT ${EXPORT_COLUMNS.join(', ')} FROM indicator_values
     WHERE indicator_id = $1 AND ($2::text IS NULL OR area_type = $2) AND ($3::text IS NULL OR period = $3)
       AND ($4::text IS NULL OR breakdown = $4) AND ($5::text IS NULL OR area_code = $5)
     ORDER BY period, CASE area_type WHEN 'england' THEN 0 WHEN 'sha' THEN 1 WHEN 'pct' THEN 2 ELSE 3 END, area_code, breakdown`,
    [f.indicatorId, f.areaType ?? null, f.period ?? null, f.breakdown ?? null, f.area ?? null],
  );
  return rows as ValueRow[];
}
