// Compiles the named rules of a definition into DuckDB boolean expressions over the warehouse columns.
// Every value (codes, patterns, ages, methods) becomes a $n parameter; the only identifiers are the fixed
// column names below, chosen by which rule is present.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../../platform/csv.ts';
import { CODELIST_DIR } from './catalogue.ts';
import type { CodeListRef, DenominatorRule, NumeratorRule } from './definition-schema.ts';

/** Collects parameters and hands back their placeholders. */
export class Params {
  readonly values: (string | number | boolean)[] = [];
  add(v: string | number | boolean): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

/**
 * term AND term AND …, evaluating each term only on the rows the earlier terms kept: inside an
 * aggregate's FILTER DuckDB evaluates every term of an AND (and every branch of an OR) on every row,
 * while CASE evaluates a branch only on the rows that reach it. A NULL term counts as false, as it
 * does in WHERE and FILTER. Put cheap terms first.
 */
export function allOf(terms: string[]): string {
  if (terms.length === 0) return 'true';
  return terms.slice(0, -1).reduceRight((inner, t) => `CASE WHEN ${t} THEN ${inner} ELSE false END`, terms[terms.length - 1]);
}

/** term OR term OR …, evaluating each term only on the rows no earlier term accepted (see allOf). */
export function anyOf(terms: string[]): string {
  if (terms.length === 0) return 'false';
  return `CASE ${terms.map((t) => `WHEN ${t} THEN true`).join(' ')} ELSE false END`;
}

export interface IcdRange { from: string; to: string }

export function readRanges(ref: CodeListRef, dir = CODELIST_DIR): IcdRange[] {
  const rows = parseCsvObjects(readFileSync(join(dir, ref.file), 'utf8'), ref.file);
  const out = rows.filter((r) => !ref.list || r.list === ref.list).map((r) => ({ from: r.code_from, to: r.code_to }));
  if (out.length === 0) throw new Error(`code list ${ref.file}${ref.list ? `#${ref.list}` : ''} is empty`);
  return out;
}

export interface AcscRule {
  condition: string;
  pattern: string;
  position: 'primary' | 'any';
  excludeSecondary: string;
  excludePrimaryProcedure: string;
  excludeAnyProcedure: string;
  requireSecondary: string;
}

export function readAcscRules(ref: CodeListRef, dir = CODELIST_DIR): AcscRule[] {
  return parseCsvObjects(readFileSync(join(dir, ref.file), 'utf8'), ref.file).map((r) => ({
    condition: r.condition,
    pattern: r.icd10_regex,
    position: r.position === 'any' ? 'any' : 'primary',
    excludeSecondary: r.exclude_secondary_regex,
    excludePrimaryProcedure: r.exclude_primary_procedure_regex,
    excludeAnyProcedure: r.exclude_any_procedure_regex,
    requireSecondary: r.require_secondary_regex,
  }));
}

/** Anchored pattern that matches any code in a space-joined list (' I10X J459'). */
function anyCode(pattern: string): string {
  return ` (?:${pattern})`;
}

// Space-prefixed lists of codes, so one regular expression tests every position at once.
const ALL_DIAGS = `(' ' || array_to_string(diagnoses, ' '))`;
const SECONDARY_DIAGS = `(' ' || array_to_string(diagnoses[2:], ' '))`;
const PRIMARY_DIAG = `(' ' || coalesce(diagnoses[1], ''))`;
const PRIMARY_PROC = `(' ' || coalesce(procedures[1], ''))`;
const ALL_PROCS = `(' ' || array_to_string(procedures, ' '))`;

function rangeCondition(column: string, ranges: IcdRange[], p: Params): string {
  return `(${ranges.map((r) => `left(${column}, ${r.from.length}) BETWEEN ${p.add(r.from)} AND ${p.add(r.to)}`).join(' OR ')})`;
}

function diagnosisCondition(rule: NonNullable<NumeratorRule['diagnosis']>, p: Params): string {
  const ranges = readRanges(rule.codes);
  switch (rule.position) {
    case 'underlying': return rangeCondition('underlying_cause', ranges, p);
    case 'primary': return rangeCondition('diagnoses[1]', ranges, p);
    case 'any': return `len(list_filter(diagnoses, d -> ${rangeCondition('d', ranges, p)})) > 0`;
  }
}

function acscCondition(ref: CodeListRef, p: Params): string {
  const rules = readAcscRules(ref);
  // Every condition needs its pattern somewhere among the diagnoses: one regular expression for all of
  // them first turns away the admissions that match none (most), before the conditions.
  const any = `regexp_matches(${ALL_DIAGS}, ${p.add(anyCode(rules.map((r) => `(?:${r.pattern})`).join('|')))})`;
  // The conditions with no exclusion or requirement need only their code (in first place, or in any
  // place): one pattern each for all of them, so most matches cost one more test, not up to nineteen.
  const simple = (r: AcscRule) => !r.excludeSecondary && !r.requireSecondary && !r.excludePrimaryProcedure && !r.excludeAnyProcedure;
  const codeTest = (position: AcscRule['position'], pattern: string) => position === 'primary'
    ? `regexp_matches(${PRIMARY_DIAG}, ${p.add(`^${anyCode(pattern)}`)})`
    : `regexp_matches(${ALL_DIAGS}, ${p.add(anyCode(pattern))})`;
  const parts: string[] = [];
  for (const position of ['primary', 'any'] as const) {
    const patterns = rules.filter((r) => simple(r) && r.position === position).map((r) => `(?:${r.pattern})`);
    if (patterns.length > 0) parts.push(codeTest(position, patterns.join('|')));
  }
  for (const r of rules.filter((x) => !simple(x))) {
    const terms = [codeTest(r.position, r.pattern)];
    // "Excluding a secondary diagnosis" means any other diagnosis: for a condition that may itself be in
    // any position, the excluded code may be the first.
    if (r.excludeSecondary) terms.push(`NOT regexp_matches(${r.position === 'any' ? ALL_DIAGS : SECONDARY_DIAGS}, ${p.add(anyCode(r.excludeSecondary))})`);
    if (r.requireSecondary) terms.push(`regexp_matches(${SECONDARY_DIAGS}, ${p.add(anyCode(r.requireSecondary))})`);
    if (r.excludePrimaryProcedure) terms.push(`NOT regexp_matches(${PRIMARY_PROC}, ${p.add(`^${anyCode(r.excludePrimaryProcedure)}`)})`);
    if (r.excludeAnyProcedure) terms.push(`NOT regexp_matches(${ALL_PROCS}, ${p.add(anyCode(r.excludeAnyProcedure))})`);
    parts.push(allOf(terms));
  }
  return `(${allOf([any, anyOf(parts)])})`;
}

type SharedRule = Pick<NumeratorRule, 'admissionMethod' | 'patientClass' | 'firstEpisode' | 'firstAttendance' | 'attendance' | 'age' | 'sex'>;

/** Conditions common to numerators and records denominators, for record-level datasets. */
export function recordConditions(rule: SharedRule | DenominatorRule, p: Params): string[] {
  const c: string[] = [];
  if (rule.admissionMethod) c.push(`admission_class IN (${rule.admissionMethod.map((m) => p.add(m)).join(', ')})`);
  if (rule.patientClass) c.push(`patient_class IN (${rule.patientClass.map((m) => p.add(String(m))).join(', ')})`);
  if (rule.firstEpisode) c.push('epiorder = 1');
  if (rule.firstAttendance !== undefined) c.push(rule.firstAttendance ? 'is_first' : 'NOT is_first');
  if (rule.attendance) c.push(`attendance_status IN (${rule.attendance.map((m) => p.add(m === 'unknown' ? 'other' : m)).join(', ')})`);
  c.push(...ageSexConditions(rule, 'age', p));
  return c;
}

export function ageSexConditions(rule: { age?: { min?: number; max?: number }; sex?: string }, ageColumn: string, p: Params): string[] {
  const c: string[] = [];
  if (rule.age?.min !== undefined) c.push(`${ageColumn} >= ${p.add(rule.age.min)}`);
  if (rule.age?.max !== undefined) c.push(`${ageColumn} <= ${p.add(rule.age.max)}`);
  if (rule.sex === 'male') c.push(`sex = ${p.add('M')}`);
  if (rule.sex === 'female') c.push(`sex = ${p.add('F')}`);
  return c;
}

/** Age scope for banded rows (population, ONS deaths): the whole band must lie inside the scope. */
export function bandScopeConditions(rule: { age?: { min?: number; max?: number }; sex?: string }, p: Params): string[] {
  const c: string[] = [];
  if (rule.age?.min !== undefined) c.push(`age_lower >= ${p.add(rule.age.min)}`);
  if (rule.age?.max !== undefined) c.push(`age_upper IS NOT NULL AND age_upper <= ${p.add(rule.age.max)}`);
  if (rule.sex === 'male') c.push(`sex = ${p.add('M')}`);
  if (rule.sex === 'female') c.push(`sex = ${p.add('F')}`);
  return c;
}

/** Conditions that only the numerator applies: code lists, A&E duration. */
export function numeratorOnlyConditions(rule: NumeratorRule, p: Params): string[] {
  const c: string[] = [];
  if (rule.diagnosis) c.push(diagnosisCondition(rule.diagnosis, p));
  if (rule.acsc) c.push(acscCondition(rule.acsc, p));
  if (rule.maxDurationMinutes !== undefined) c.push(`duration_minutes <= ${p.add(rule.maxDurationMinutes)}`);
  return c;
}
