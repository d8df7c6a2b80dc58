// Shared scans: every computed indicator of one dataset and period is counted from ONE scan of the
// record-level Parquet. The scan groups the period's records by PCT of residence × small area × sex ×
// fine age band (FINE_BAND) and carries a column per distinct numerator (and records denominator),
// each a FILTERed aggregate compiled from the definition's rules by filters.ts with $n parameters. The
// per-indicator query (query-builder.ts with `scan`) then reads these few cells instead of the records.
// Records that need a different relation get a scan of their own: readmissions (the spell window over
// two years) and alcohol weighting (diagnoses unnested once for the narrow and broad measures together).
import type { IndicatorDefinition } from './definition-schema.ts';
import { Params, allOf, numeratorOnlyConditions, recordConditions } from './filters.ts';
import { FINE_BAND, type BandScheme, type ScanColumns } from './query-builder.ts';
import { SOURCES, periodValue, readmissionRelation, sourceRelation, weightedColumns, weightsRelation } from './relations.ts';

export interface ScanPlan {
  /** what the scan reads, e.g. 'hes_apc', 'hes_apc readmissions 30 days', 'hes_apc alcohol weights' */
  label: string;
  table: string;
  /** CREATE TEMP TABLE <table> AS …, with $n parameters */
  sql: string;
  params: (string | number | boolean)[];
  /** the columns of each numerator definition served (by definition id) */
  columns: Map<string, ScanColumns>;
}

type Dataset = keyof typeof SOURCES;

/** Which relation a definition's numerator is counted from: definitions with the same key share a scan. */
function scanKey(def: IndicatorDefinition, bands: BandScheme): string {
  const num = def.numerator!;
  if (num.readmittedWithinDays !== undefined) return `${num.dataset} readmissions ${num.readmittedWithinDays} days`;
  if (num.weighting) {
    // The weighted rows are selected by the numerator's own rules: only definitions alike but for the
    // measure can share them.
    const { weighting, ...rules } = num;
    return `${num.dataset} alcohol weights ${JSON.stringify([weighting.fractions, rules, bands !== 'none'])}`;
  }
  return num.dataset;
}

interface Member { def: IndicatorDefinition; bands: BandScheme }

/** The rules as one FILTER condition, cheap ones first, each evaluated only where the earlier held. */
function condition(parts: string[]): string {
  return allOf(parts);
}

function planOne(label: string, table: string, members: Member[], period: string): ScanPlan {
  const first = members[0].def.numerator!;
  const ds = first.dataset as Dataset;
  const src = SOURCES[ds];
  const p = new Params();
  const columns = new Map<string, ScanColumns>();
  const byRule = new Map<string, ScanColumns>();
  const selects: string[] = [];
  const keys = [`${src.base} AS base_code`, `coalesce(lsoa01, '') AS lsoa01`, `coalesce(sex, 'U') AS sex`, `${FINE_BAND} AS fb`];
  const weighted = first.weighting !== undefined;
  const readmissions = first.readmittedWithinDays !== undefined;
  // Readmissions: each rule is evaluated before the window into a flag (or value) the counts then read,
  // so only the keys and these go through the window's sort.
  const carried: string[] = [];
  const carry = (expr: string) => {
    if (!readmissions) return expr;
    carried.push(`${expr} AS c_${carried.length}`);
    return `c_${carried.length - 1}`;
  };
  for (const { def } of members) {
    const num = def.numerator!;
    const den = def.denominator!;
    const records = den.kind === 'records';
    const rule = JSON.stringify(records ? [num, den, def.meanOf ?? null] : [num]);
    const known = byRule.get(rule);
    if (known) { columns.set(def.id, known); continue; }
    const i = byRule.size;
    const col: ScanColumns = { table, x: `x_${i}`, present: `x_${i} > 0` };
    if (weighted) {
      selects.push(`sum(w_${num.weighting!.measure}) FILTER (WHERE w_${num.weighting!.measure} > 0) AS x_${i}`);
    } else if (records) {
      if (ds === 'births') throw new Error(`${def.id}: a records denominator needs a record-level dataset`);
      const inDenominator = recordConditions(den, p);
      if (def.meanOf) inDenominator.push('length_of_stay IS NOT NULL');
      const hit = [...recordConditions(num, p), ...numeratorOnlyConditions(num, p)];
      const d = readmissions ? [carry(condition(inDenominator)), 'spell_end IS NOT NULL'] : inDenominator;
      const h = readmissions ? [carry(condition(hit)), 'readmitted'] : hit;
      selects.push(`count(*) FILTER (WHERE ${condition(d)}) AS n_${i}`,
        `count(*) FILTER (WHERE ${condition([...d, ...h])}) AS x_${i}`);
      col.n = `n_${i}`;
      col.present = `n_${i} > 0`;
      if (def.meanOf) {
        const v = carry('length_of_stay::DOUBLE');
        selects.push(`sum(${v}) FILTER (WHERE ${condition(d)}) AS s_${i}`,
          `sum(${v} * ${v}) FILTER (WHERE ${condition(d)}) AS ss_${i}`);
        col.s = `s_${i}`;
        col.ss = `ss_${i}`;
      }
    } else {
      if (readmissions) throw new Error(`${def.id}: readmissions are counted against the discharges (a records denominator)`);
      const c = condition([...recordConditions(num, p), ...numeratorOnlyConditions(num, p)]);
      if (ds === 'births') {
        selects.push(`sum(births) FILTER (WHERE ${c}) AS x_${i}`, `count(*) FILTER (WHERE ${c}) AS h_${i}`);
        col.present = `h_${i} > 0`;
      } else {
        selects.push(`count(*) FILTER (WHERE ${c}) AS x_${i}`);
      }
    }
    byRule.set(rule, col);
    columns.set(def.id, col);
  }
  let from: string;
  let select = keys.join(', ');
  if (readmissions) {
    // The readmission relation holds the period's first episodes only, with the keys already computed.
    from = readmissionRelation(first, period, p, [...keys, ...carried]);
    select = 'base_code, lsoa01, sex, fb';
  } else if (weighted) {
    // The numerator's rules select the rows to weight (shared by the members, see scanKey); the weighted
    // relation keeps the period column, so the period condition holds on it as well.
    const rows = [`${src.period} = ${periodValue(ds, period, p)}`, ...recordConditions(first, p), ...numeratorOnlyConditions(first, p)];
    if (members[0].bands !== 'none') rows.push('age IS NOT NULL');
    const measures = [...new Set(members.map((m) => m.def.numerator!.weighting!.measure))];
    from = weightsRelation(sourceRelation(first), measures, rows.join(' AND '), weightedColumns(ds));
  } else {
    from = `${sourceRelation(first)} WHERE ${src.period} = ${periodValue(ds, period, p)}`;
  }
  const sql = `CREATE OR REPLACE TEMP TABLE ${table} AS
    SELECT ${select},
      ${selects.join(',\n      ')}
    FROM ${from} GROUP BY ALL`;
  return { label, table, sql, params: p.values, columns };
}

/**
 * The scans that count every numerator of `defs` (numerator definitions: for an SII or gap, the life
 * expectancy it is based on) for one period. `bandsOf` gives each definition's age-band scheme.
 */
export function planScans(defs: IndicatorDefinition[], period: string, bandsOf: (d: IndicatorDefinition) => BandScheme, prefix = 'scan'): ScanPlan[] {
  const groups = new Map<string, Member[]>();
  for (const def of defs) {
    if (!def.numerator || !def.denominator) throw new Error(`${def.id}: nothing to compute (no numerator or denominator)`);
    if (!(def.numerator.dataset in SOURCES)) throw new Error(`${def.id}: ${def.numerator.dataset} is not a record-level dataset`);
    const bands = bandsOf(def);
    const key = scanKey(def, bands);
    groups.set(key, [...(groups.get(key) ?? []), { def, bands }]);
  }
  return [...groups.entries()].map(([label, members], i) => planOne(label, `${prefix}_${i}`, members, period));
}
