// indicator_values writes (shared table with the indicator engine). An upload replaces the row with
// the same key; the engine's computed rows carry source_import_id NULL.
import type { ClientBase } from 'pg';

export interface IndicatorValueRow {
  indicator_id: string; area_code: string; area_type: string; period: string; breakdown: string;
  numerator: number | null; denominator: number | null; value: number | null;
  lower95_0cl: number | null; upper95_0cl: number | null; lower99_8cl: number | null; upper99_8cl: number | null;
  note: string | null;
}

const CHUNK = 5000;

export async function upsertIndicatorValues(client: ClientBase, rows: IndicatorValueRow[], importId: string): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    const col = <K extends keyof IndicatorValueRow>(k: K) => c.map((r) => r[k] === '' ? null : r[k]);
    await client.query(
      `INSERT INTO indicator_values (indicator_id, area_code, area_type, period, breakdown, numerator, denominator, value,
         lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl, note, source_import_id, updated_at)
       SELECT *, $14, now() FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[],
         $8::float8[], $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[])
       ON CONFLICT (indicator_id, area_type, area_code, period, breakdown) DO UPDATE SET
         numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, value = EXCLUDED.value,
         lower95_0cl = EXCLUDED.lower95_0cl, upper95_0cl = EXCLUDED.upper95_0cl, lower99_8cl = EXCLUDED.lower99_8cl,
         upper99_8cl = EXCLUDED.upper99_8cl, note = EXCLUDED.note, source_import_id = EXCLUDED.source_import_id,
         updated_at = now()`,
      [col('indicator_id'), col('area_code'), col('area_type'), col('period'), col('breakdown'), col('numerator'),
        col('denominator'), col('value'), col('lower95_0cl'), col('upper95_0cl'), col('lower99_8cl'), col('upper99_8cl'),
        col('note'), importId]);
  }
  return rows.length;
}
