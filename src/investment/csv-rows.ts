// Row-level validation of the investment CSV imports (programme spend, population by age and sex,
// outcome values). Pure: text in, rows or errors out; callers write nothing when there is any error.
import { parseCsv } from '../platform/csv.ts';

export interface RowError { line: number; column: string; message: string }
export interface SpendRow { orgCode: string; year: string; programme: string; spend: number }
export interface PopulationRow { orgCode: string; year: string; ageBand: string; sex: 'male' | 'female'; population: number }
export interface OutcomeRow { indicatorId: string; orgCode: string; period: string; value: number }

const YEAR = /^(\d{4})-(\d{2})$/;
export function isFinancialYear(y: string): boolean {
  const m = YEAR.exec(y);
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

type Parsed<T> = { value: T } | { error: string };
interface Column<T> { name: string; parse(v: string): Parsed<T> }
const text = (name: string, re: RegExp, what: string): Column<string> => ({ name, parse: (v) => (re.test(v) ? { value: v } : { error: `${what}, not "${v}"` }) });
const num = (name: string, min = Number.NEGATIVE_INFINITY): Column<number> => ({
  name, parse: (v) => {
    const n = Number(v.replace(/[£,]/g, ''));
    return v !== '' && Number.isFinite(n) && n >= min ? { value: n } : { error: `must be a number${min > Number.NEGATIVE_INFINITY ? ` ≥ ${min}` : ''}, not "${v}"` };
  },
});
const year = (name: string): Column<string> => ({ name, parse: (v) => (isFinancialYear(v) ? { value: v } : { error: `must be a financial year like 2008-09, not "${v}"` }) });

function parseRows<T>(csv: string, columns: Column<unknown>[], build: (values: unknown[]) => T, extra?: (row: T, line: number) => RowError[]): { rows: T[]; errors: RowError[] } {
  const [header, ...body] = parseCsv(csv.replace(/^\uFEFF/, ''));
  const errors: RowError[] = [];
  if (!header) return { rows: [], errors: [{ line: 1, column: '', message: 'the file is empty' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const positions = columns.map((c) => names.indexOf(c.name));
  columns.forEach((c, i) => { if (positions[i]! < 0) errors.push({ line: 1, column: c.name, message: `missing column "${c.name}"` }); });
  if (errors.length) return { rows: [], errors };
  const rows: T[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    if (cells.length === 1 && cells[0]!.trim() === '') return;
    if (cells.length !== header.length) { errors.push({ line, column: '', message: `expected ${header.length} fields, found ${cells.length}` }); return; }
    const values: unknown[] = [];
    let ok = true;
    columns.forEach((c, j) => {
      const parsed = c.parse((cells[positions[j]!] ?? '').trim());
      if ('error' in parsed) { errors.push({ line, column: c.name, message: parsed.error }); ok = false; } else values.push(parsed.value);
    });
    if (!ok) return;
    const row = build(values);
    const more = extra?.(row, line) ?? [];
    if (more.length) { errors.push(...more); return; }
    rows.push(row);
  });
  if (!rows.length && !errors.length) errors.push({ line: 2, column: '', message: 'the file has no data rows' });
  return { rows, errors };
}

function duplicates<T>(rows: T[], key: (r: T) => string, errors: RowError[]): void {
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    const k = key(r);
    if (seen.has(k)) errors.push({ line: i + 2, column: '', message: `repeats the row for ${k.replace(/\|/g, ', ')}` });
    seen.set(k, i);
  });
}

const ORG = /^[A-Z0-9]{3,5}$/;

export function parseSpendCsv(csv: string, programmes: Set<string>): { rows: SpendRow[]; errors: RowError[] } {
  const out = parseRows(csv, [text('org_code', ORG, 'must be an ODS code like 5C2'), year('year'), text('programme', /^\d{1,2}$/, 'must be a programme code 1–23'), num('spend_gbp')],
    ([orgCode, y, programme, spend]) => ({ orgCode: orgCode as string, year: y as string, programme: programme as string, spend: spend as number }),
    (r, line) => (programmes.has(r.programme) ? [] : [{ line, column: 'programme', message: `no programme budgeting category "${r.programme}"` }]));
  if (!out.errors.length) duplicates(out.rows, (r) => `${r.orgCode}|${r.year}|${r.programme}`, out.errors);
  return out;
}

export function parsePopulationCsv(csv: string, ageBands: Set<string>): { rows: PopulationRow[]; errors: RowError[] } {
  const out = parseRows(csv, [text('org_code', ORG, 'must be an ODS code'), year('year'), text('age_band', /^.+$/, 'must be given'), text('sex', /^(male|female)$/, 'must be male or female'), num('population', 0)],
    ([orgCode, y, ageBand, sex, population]) => ({ orgCode: orgCode as string, year: y as string, ageBand: ageBand as string, sex: sex as 'male' | 'female', population: population as number }),
    (r, line) => (ageBands.has(r.ageBand) ? [] : [{ line, column: 'age_band', message: `no needs weight for age band "${r.ageBand}"` }]));
  if (!out.errors.length) duplicates(out.rows, (r) => `${r.orgCode}|${r.year}|${r.ageBand}|${r.sex}`, out.errors);
  return out;
}

export function parseOutcomeCsv(csv: string): { rows: OutcomeRow[]; errors: RowError[] } {
  const out = parseRows(csv, [text('indicator_id', /^[a-z0-9-]+$/, 'must be an indicator id like mortality-cvd-under-75'), text('org_code', ORG, 'must be an ODS code'), text('period', /^[0-9-]{4,9}$/, 'must be a period like 2008 or 2008-09'), num('value')],
    ([indicatorId, orgCode, period, value]) => ({ indicatorId: indicatorId as string, orgCode: orgCode as string, period: period as string, value: value as number }));
  if (!out.errors.length) duplicates(out.rows, (r) => `${r.indicatorId}|${r.orgCode}|${r.period}`, out.errors);
  return out;
}
