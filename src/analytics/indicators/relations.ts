// The relations a numerator is counted from: a dataset's view, or for readmissions its first episodes
// with the spell end and the next emergency admission (windows over two years), or for alcohol the
// rows with their alcohol-attributable weights. Values are $n parameters; identifiers are fixed here.
import type { NumeratorRule } from './definition-schema.ts';
import type { Params } from './filters.ts';
import { AAF_AGE_FROM } from './warehouse-views.ts';

export const SOURCES = {
  hes_apc: { table: 'wh_apc', period: 'fyear', base: 'coalesce(residence_pct, pct_code)' },
  hes_op: { table: 'wh_op', period: 'fyear', base: 'coalesce(residence_pct, pct_code)' },
  hes_ae: { table: 'wh_ae', period: 'fyear', base: 'coalesce(residence_pct, pct_code)' },
  deaths: { table: 'wh_deaths', period: 'year', base: 'pct_code' },
  births: { table: 'wh_births', period: 'year', base: 'pct_code' },
} as const;

export function periodValue(dataset: keyof typeof SOURCES, period: string, p: Params): string {
  return SOURCES[dataset].period === 'year' ? p.add(Number(period)) : p.add(period);
}

/** The record-level source relation: the dataset, or for readmissions the first episodes with their flag. */
export function sourceRelation(num: NumeratorRule, period: string, p: Params): string {
  const ds = num.dataset as keyof typeof SOURCES;
  if (num.readmittedWithinDays === undefined) return SOURCES[ds].table;
  const next = Number(period.slice(0, 4)) + 1;
  const nextPeriod = `${next}-${String((next + 1) % 100).padStart(2, '0')}`;
  // Only the columns the rules and the roll-up can read: the two windows sort two years of episodes,
  // and carrying every diagnosis and procedure list through them cost more than the windows.
  const codes = num.diagnosis || num.acsc || num.weighting ? ', diagnoses, procedures' : '';
  const columns = `person_id, episode_key, fyear, admission_date, discharge_date, epiorder, admission_class, patient_class,
          age, sex, lsoa01, pct_code, residence_pct, length_of_stay${codes}`;
  return `(
    SELECT *, coalesce(date_diff('day', spell_end, next_emergency) BETWEEN 0 AND ${p.add(num.readmittedWithinDays)}, false) AS readmitted
    FROM (
      SELECT *, min(CASE WHEN admission_class = 'emergency' THEN admission_date END)
        OVER (PARTITION BY person_id ORDER BY admission_date, episode_key ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_emergency
      FROM (
        SELECT ${columns}, max(discharge_date) OVER (PARTITION BY person_id, admission_date) AS spell_end
        FROM wh_apc WHERE person_id IS NOT NULL AND fyear IN (${p.add(period)}, ${p.add(nextPeriod)}))
      WHERE epiorder = 1))`;
}

/** The alcohol-attributable weight of a record from its diagnoses `d` joined to the fractions `a`. */
function weightOf(measure: 'narrow' | 'broad'): string {
  return measure === 'broad'
    ? 'max(a.fraction)'
    : `CASE WHEN max(a.fraction) FILTER (WHERE d.pos = 1) > 0 THEN max(a.fraction) FILTER (WHERE d.pos = 1)
            ELSE coalesce(max(a.fraction) FILTER (WHERE d.pos > 1 AND a.external), 0) END`;
}

/**
 * The rows of `relation` that satisfy `where`, each with its alcohol-attributable weight per measure
 * (columns w_narrow, w_broad …), keeping the rows where any weight is positive.
 */
export function weightsRelation(relation: string, measures: ('narrow' | 'broad')[], where: string): string {
  const cols = measures.map((m) => `${weightOf(m)} AS w_${m}`).join(', ');
  return `(
    WITH r AS (SELECT *, row_number() OVER () AS rid FROM ${relation} WHERE ${where}),
    d AS (SELECT rid, sex, age, unnest(diagnoses) AS code, generate_subscripts(diagnoses, 1) AS pos FROM r WHERE age IS NOT NULL),
    w AS (SELECT d.rid, ${cols} FROM d JOIN aaf a ON a.code4 = d.code AND a.sex = d.sex AND a.age_from = ${AAF_AGE_FROM.replaceAll('age', 'd.age')} GROUP BY d.rid)
    SELECT r.*, ${measures.map((m) => `w.w_${m}`).join(', ')} FROM r JOIN w USING (rid) WHERE ${measures.map((m) => `w.w_${m} > 0`).join(' OR ')})`;
}

/** Alcohol-attributable weight per row: the rows of `relation` with a column w. */
export function weightedRelation(relation: string, measure: 'narrow' | 'broad', where: string): string {
  return `(SELECT * EXCLUDE (w_${measure}), w_${measure} AS w FROM ${weightsRelation(relation, [measure], where)})`;
}
