// The relations a numerator is counted from: a dataset's view, or for readmissions its first episodes
// with the spell end and the next emergency admission (windows over two years), or for alcohol the
// rows with their alcohol-attributable weights. Values are $n parameters; identifiers are fixed here.
import type { NumeratorRule } from './definition-schema.ts';
import type { Params } from './filters.ts';
import { AAF_AGE_FROM } from './warehouse-views.ts';

export const SOURCES = {
  hes_apc: { table: 'wh_apc', period: 'fyear', base: 'coalesce(residence_pct, pct_code)', baseColumns: ['residence_pct', 'pct_code'] },
  hes_op: { table: 'wh_op', period: 'fyear', base: 'coalesce(residence_pct, pct_code)', baseColumns: ['residence_pct', 'pct_code'] },
  hes_ae: { table: 'wh_ae', period: 'fyear', base: 'coalesce(residence_pct, pct_code)', baseColumns: ['residence_pct', 'pct_code'] },
  deaths: { table: 'wh_deaths', period: 'year', base: 'pct_code', baseColumns: ['pct_code'] },
  births: { table: 'wh_births', period: 'year', base: 'pct_code', baseColumns: ['pct_code'] },
} as const;

export function periodValue(dataset: keyof typeof SOURCES, period: string, p: Params): string {
  return SOURCES[dataset].period === 'year' ? p.add(Number(period)) : p.add(period);
}

/** The record-level source relation of a numerator that is not a readmission: the dataset's view. */
export function sourceRelation(num: NumeratorRule): string {
  if (num.readmittedWithinDays !== undefined) throw new Error('a readmission numerator is counted from readmissionRelation');
  return SOURCES[num.dataset as keyof typeof SOURCES].table;
}

/**
 * The period's first episodes (APC) for a readmission numerator, each with the select items `carry`
 * (expressions over the episode's columns, evaluated before the window), spell_end (the last discharge
 * of its spell: its own, or that of a later episode — EPIORDER other than 1, or unknown — of the same
 * patient and admission date) and readmitted
 * (the patient's next emergency admission, in this period or the next, began 0 to N days after
 * spell_end). Callers read only the names in `carry`, spell_end and readmitted.
 */
export function readmissionRelation(num: NumeratorRule, period: string, p: Params, carry: string[]): string {
  if (num.readmittedWithinDays === undefined) throw new Error('not a readmission numerator');
  const next = Number(period.slice(0, 4)) + 1;
  const nextPeriod = `${next}-${String((next + 1) % 100).padStart(2, '0')}`;
  const [mine, following] = [p.add(period), p.add(nextPeriod)];
  // One window sorts the episodes by patient, carrying what the counts need and nothing else (each
  // column carried costs in the sort). The next year's first episodes matter only as emergency
  // admissions. Later episodes of a spell (few) are joined by patient and admission date before the
  // window, instead of a second window over every episode.
  return `(
    SELECT *, coalesce(date_diff('day', spell_end, next_emergency) BETWEEN 0 AND ${p.add(num.readmittedWithinDays)}, false) AS readmitted
    FROM (
      SELECT * EXCLUDE (person_id, admission_date, episode_key, discharge_date, later_end, emergency),
        greatest(discharge_date, later_end) AS spell_end,
        min(admission_date) FILTER (WHERE emergency)
          OVER (PARTITION BY person_id ORDER BY admission_date, episode_key ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_emergency
      FROM (
        SELECT f.*, l.later_end
        FROM (
          SELECT ${carry.join(', ')}, person_id, admission_date, episode_key, discharge_date,
            admission_class = 'emergency' AS emergency, fyear = ${mine} AS in_period
          FROM wh_apc
          WHERE person_id IS NOT NULL AND epiorder = 1 AND (fyear = ${mine} OR (fyear = ${following} AND admission_class = 'emergency'))) f
        LEFT JOIN (
          SELECT person_id, admission_date, max(discharge_date) AS later_end FROM wh_apc
          WHERE person_id IS NOT NULL AND epiorder IS DISTINCT FROM 1 AND fyear IN (${mine}, ${following}) GROUP BY ALL) l
          ON l.person_id = f.person_id AND l.admission_date = f.admission_date))
    WHERE in_period)`;
}

/** The alcohol-attributable weight of a record from its diagnoses `d` joined to the positive fractions `a`. */
function weightOf(measure: 'narrow' | 'broad'): string {
  return measure === 'broad'
    ? 'max(a.fraction)'
    : `coalesce(max(a.fraction) FILTER (WHERE d.pos = 1), max(a.fraction) FILTER (WHERE d.pos > 1 AND a.external), 0)`;
}

/** The columns a weighted record keeps for the roll-up: its base area's, small area, sex, age and period. */
export function weightedColumns(dataset: keyof typeof SOURCES): string[] {
  const src = SOURCES[dataset];
  return [...src.baseColumns, 'lsoa01', 'sex', 'age', src.period];
}

/**
 * The records of `relation` that satisfy `where`, each with the columns `keep` and its alcohol-attributable
 * weight per measure (w_narrow, w_broad …), keeping the records where any weight is positive.
 * The diagnoses are unnested and joined to the positive fractions; only records with an attributable
 * code survive the join, and they are regrouped by where they lie in the warehouse (source_file,
 * source_row: no window over the whole year to number them).
 */
export function weightsRelation(relation: string, measures: ('narrow' | 'broad')[], where: string, keep: string[]): string {
  const cols = measures.map((m) => `${weightOf(m)} AS w_${m}`).join(', ');
  const kept = keep.map((c) => `d.${c}`).join(', ');
  return `(
    WITH d AS (SELECT source_file, source_row, ${keep.join(', ')}, ${AAF_AGE_FROM} AS aaf_age,
                 unnest(diagnoses) AS code, generate_subscripts(diagnoses, 1) AS pos
               FROM ${relation} WHERE ${where} AND age IS NOT NULL)
    SELECT ${kept}, ${cols}
    FROM d JOIN aaf a ON a.code4 = d.code AND a.sex = d.sex AND a.age_from = d.aaf_age AND a.fraction > 0
    GROUP BY d.source_file, d.source_row, ${kept}
    HAVING ${measures.map((m) => `w_${m} > 0`).join(' OR ')})`;
}

/** Alcohol-attributable weight per record: the records of `relation` that satisfy `where`, with `keep` and w. */
export function weightedRelation(relation: string, measure: 'narrow' | 'broad', where: string, keep: string[]): string {
  return `(SELECT * EXCLUDE (w_${measure}), w_${measure} AS w FROM ${weightsRelation(relation, [measure], where, keep)})`;
}
