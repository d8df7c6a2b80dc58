// Aggregate indicator values (published numerator/denominator, or value with CI, per area, period and
// breakdown) → PostgreSQL indicator_values. Suppression markers and blanks become NULL with a note,
// never zero.
import { sqlIdentifier, sqlLiteral } from '../../duckdb.ts';
import type { Check, RecordSpec } from '../spec.ts';
import { mappedColumns, NUMERIC_FIELDS, type Mapping, type MappingField, type Source } from './mapping.ts';
import { upsertIndicatorValues, type IndicatorValueRow } from './repo.ts';

/** Cells that mean "value withheld" (HSCIC SUPPRESSED, ONS '..', ':', '*', 'x', '-'). */
export const SUPPRESSION_MARKERS = ['SUPPRESSED', '*', '..', ':', 'X', '-', 'N/A', 'NA'];
const markers = SUPPRESSION_MARKERS.map(sqlLiteral).join(', ');

const ref = (s: Source): string => ('column' in s ? sqlIdentifier(s.column) : sqlLiteral(s.constant));
const isSuppressed = (e: string): string => `(${e} IS NULL OR upper(${e}) IN (${markers}))`;
const number = (e: string): string => `TRY_CAST(replace(replace(${e}, ',', ''), '%', '') AS DOUBLE)`;

const TARGET: Record<MappingField, string> = {
  indicator_id: 'indicator_id', area_code: 'area_code', area_type: 'area_type', period: 'period', breakdown: 'breakdown',
  numerator: 'numerator', denominator: 'denominator', value: 'value', lower95: 'lower95_0cl', upper95: 'upper95_0cl',
  lower998: 'lower99_8cl', upper998: 'upper99_8cl', note: 'note',
};

function breakdownSelect(common: Map<MappingField, Source>, own: Map<MappingField, Source>, breakdown: string | null): string {
  const get = (f: MappingField): Source | undefined => own.get(f) ?? common.get(f);
  const numeric = NUMERIC_FIELDS.filter((f) => get(f) !== undefined);
  const cols: string[] = [];
  const text = (f: MappingField): string => { const s = get(f); return s ? ref(s) : 'NULL'; };
  cols.push(`${text('indicator_id')} AS indicator_id`);
  cols.push(`upper(${text('area_code')}) AS area_code`);
  const areaType = get('area_type');
  cols.push(areaType ? `lower(${ref(areaType)}) AS area_type` : `wcc_area_type(upper(${text('area_code')})) AS area_type`);
  cols.push(`replace(${text('period')}, '/', '-') AS period`);
  cols.push(breakdown !== null ? `${sqlLiteral(breakdown)} AS breakdown`
    : get('breakdown') ? `lower(${text('breakdown')}) AS breakdown` : `'persons' AS breakdown`);
  for (const f of NUMERIC_FIELDS) {
    const s = get(f);
    cols.push(s ? `CASE WHEN ${isSuppressed(ref(s))} THEN NULL ELSE ${number(ref(s))} END AS ${TARGET[f]}` : `CAST(NULL AS DOUBLE) AS ${TARGET[f]}`);
  }
  const notes = numeric.map((f) => {
    const e = ref(get(f) as Source);
    return `CASE WHEN ${isSuppressed(e)} THEN '${f} ' || coalesce(${e}, 'blank') END`;
  });
  const suppressed = notes.length ? `nullif(concat_ws(', ', ${notes.join(', ')}), '')` : 'NULL';
  cols.push(`concat_ws('; ', ${get('note') ? text('note') : 'NULL'}, 'suppressed: ' || ${suppressed}) AS note`);
  cols.push('_line');
  return `SELECT ${cols.join(', ')} FROM valid_rows`;
}

export function indicatorValuesSpec(mapping: Mapping): RecordSpec {
  const columns = mappedColumns(mapping).map((name) => ({ name, required: true }));
  const checks: Check[] = [];
  const numericSources = [mapping.common, ...mapping.byBreakdown.values()]
    .flatMap((m) => NUMERIC_FIELDS.flatMap((f) => { const s = m.get(f); return s && 'column' in s ? [s.column] : []; }));
  for (const column of new Set(numericSources)) {
    const c = sqlIdentifier(column);
    checks.push({ column, bad: `NOT ${isSuppressed(c)} AND ${number(c)} IS NULL`, reason: `not a number (or ${SUPPRESSION_MARKERS[0]} / blank)` });
  }
  for (const f of ['indicator_id', 'area_code', 'period'] as const) {
    const s = mapping.common.get(f);
    if (s && 'column' in s) checks.push({ column: s.column, bad: `${sqlIdentifier(s.column)} IS NULL`, reason: `required value (${f}) is blank` });
  }
  const branches = mapping.byBreakdown.size === 0
    ? [breakdownSelect(mapping.common, new Map(), null)]
    : [...mapping.byBreakdown.entries()].map(([b, own]) => breakdownSelect(mapping.common, own, b));
  // A key repeated in one file: the later line wins (one row per key reaches PostgreSQL).
  const transform = `SELECT * EXCLUDE (_line) FROM (${branches.join('\nUNION ALL\n')})
    QUALIFY row_number() OVER (PARTITION BY indicator_id, area_type, area_code, period, breakdown ORDER BY _line DESC) = 1`;
  // The mapped source columns are staged under their own names, so checks and transform use them.
  return {
    kind: 'indicator-values',
    dataset: null,
    columns,
    checks,
    transform,
    land: (client, rows, importId) => upsertIndicatorValues(client, rows as unknown as IndicatorValueRow[], importId),
  };
}
