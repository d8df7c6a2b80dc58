// The model's design: each feature is a named SQL expression over person_features, so training (read
// into Float64Arrays), scoring (one SQL expression with the coefficients as parameters) and the docs
// share one definition.
import type { ConditionGroup } from './codelists.ts';
import { isIdentifier } from './codelists.ts';

export interface FeatureDef { name: string; label: string; sql: string }

const FIXED: FeatureDef[] = [
  { name: 'age_0_17', label: 'Age 0–17', sql: 'age < 18' },
  { name: 'age_45_64', label: 'Age 45–64', sql: 'age BETWEEN 45 AND 64' },
  { name: 'age_65_74', label: 'Age 65–74', sql: 'age BETWEEN 65 AND 74' },
  { name: 'age_75_84', label: 'Age 75–84', sql: 'age BETWEEN 75 AND 84' },
  { name: 'age_85_plus', label: 'Age 85+', sql: 'age >= 85' },
  { name: 'female', label: 'Female', sql: "sex = 'F'" },
  { name: 'imd_q1', label: 'Most deprived quintile', sql: 'imd_quintile = 1' },
  { name: 'imd_q2', label: 'Deprivation quintile 2', sql: 'imd_quintile = 2' },
  { name: 'imd_q3', label: 'Deprivation quintile 3', sql: 'imd_quintile = 3' },
  { name: 'imd_q4', label: 'Deprivation quintile 4', sql: 'imd_quintile = 4' },
  { name: 'imd_unknown', label: 'Deprivation unknown', sql: 'imd_quintile IS NULL' },
  { name: 'emergency_last_year', label: 'log(1 + emergency admissions, last 12 months)', sql: 'ln(1 + emergency_1y)' },
  { name: 'emergency_year_before', label: 'log(1 + emergency admissions, year before)', sql: 'ln(1 + emergency_2y - emergency_1y)' },
  { name: 'elective', label: 'log(1 + elective admissions)', sql: 'ln(1 + elective_2y)' },
  { name: 'ae_last_year', label: 'log(1 + A&E attendances, last 12 months)', sql: 'ln(1 + ae_1y)' },
  { name: 'ae_year_before', label: 'log(1 + A&E attendances, year before)', sql: 'ln(1 + ae_2y - ae_1y)' },
  { name: 'outpatient', label: 'log(1 + outpatient attendances)', sql: 'ln(1 + op_2y)' },
  { name: 'outpatient_dna', label: 'Any outpatient did-not-attend', sql: 'dna_2y > 0' },
  { name: 'bed_days', label: 'log(1 + bed days)', sql: 'ln(1 + bed_days_2y)' },
  { name: 'cost', label: 'log(1 + cost in £000)', sql: 'ln(1 + cost_2y / 1000)' },
  { name: 'acsc', label: 'Any emergency ACSC admission', sql: 'acsc_2y > 0' },
  { name: 'ltc_count', label: 'Long-term conditions (capped at 5)', sql: 'least(ltc_count, 5)' },
  { name: 'recent_90d', label: 'Emergency admission in the last 90 days', sql: 'days_since_emergency <= 90' },
  { name: 'recent_365d', label: 'Emergency admission 91–365 days ago', sql: 'days_since_emergency BETWEEN 91 AND 365' },
  { name: 'maternity', label: 'Maternity admission in the last 12 months', sql: 'maternity_1y > 0' },
];

export function featureDefs(groups: ConditionGroup[]): FeatureDef[] {
  const ltc = groups.filter((g) => g.kind === 'ltc').map((g) => {
    if (!isIdentifier(g.id)) throw new Error(`bad group id ${g.id}`);
    return { name: `ltc_${g.id}`, label: g.label, sql: `list_contains(groups, '${g.id}')` };
  });
  return [...FIXED, ...ltc];
}

/** `SELECT` list of the design columns as DOUBLE. */
export function designSelect(defs: FeatureDef[]): string {
  return defs.map((d) => `coalesce(CAST((${d.sql}) AS DOUBLE), 0) AS ${d.name}`).join(',\n  ');
}

/**
 * The linear predictor as SQL: $1 is the intercept, $2… the coefficients in `defs` order.
 * Returns the expression; the caller passes [intercept, ...coefficients] as parameters.
 */
export function linearPredictorSql(defs: FeatureDef[], firstParam = 1): string {
  const terms = defs.map((d, i) => `coalesce(CAST((${d.sql}) AS DOUBLE), 0) * $${firstParam + 1 + i}`);
  return `($${firstParam} + ${terms.join(' + ')})`;
}
