// What an importer declares: the source columns it reads, the cell checks (DuckDB SQL over the staged
// VARCHAR columns) and how valid rows become the warehouse schema.
import type { DatasetName } from '../warehouse/schema.ts';

export type ImportKind =
  | 'hes-apc' | 'hes-op' | 'hes-ae' | 'ons-deaths' | 'ons-population' | 'deaths' | 'births' | 'imd'
  | 'la-pct' | 'indicator-values';

export const IMPORT_KINDS: readonly ImportKind[] = [
  'hes-apc', 'hes-op', 'hes-ae', 'ons-deaths', 'ons-population', 'deaths', 'births', 'imd', 'la-pct',
  'indicator-values',
];

export function isImportKind(value: string): value is ImportKind {
  return (IMPORT_KINDS as readonly string[]).includes(value);
}

/**
 * One cell rule. `bad` is a DuckDB boolean expression over staged columns, TRUE when the cell is wrong;
 * the reported reason is `reason: <cell value>`.
 */
export interface Check {
  column: string;
  bad: string;
  reason: string;
}

export interface SourceColumn {
  name: string;
  required: boolean;
  /** Trim spaces and tabs at staging (default true; HES keeps it for code lists only: it is costly at 20M rows). */
  trim?: boolean;
  /** Other header spellings accepted for this column (first match wins). */
  aliases?: string[];
}

export interface RecordSpec {
  kind: ImportKind;
  /** Warehouse dataset written as Parquet, or null when the kind lands in PostgreSQL only. */
  dataset: DatasetName | null;
  columns: SourceColumn[];
  checks: Check[];
  /** SELECT producing the dataset's columns (except import_id) FROM valid_rows. */
  transform: string;
  /** For kinds with PostgreSQL tables: write the transformed rows inside the provenance transaction. */
  land?: Lander;
}

/** Receives the transformed rows (already validated) and writes them with the given client. */
export type Lander = (client: import('pg').ClientBase, rows: Record<string, unknown>[], importId: string) => Promise<number>;

export interface CellError {
  line: number;
  column: string;
  reason: string;
}

// Small builders so each spec reads as a list of rules.
export const notNull = (column: string): Check => ({ column, bad: `"${column}" IS NULL`, reason: 'required value is blank' });
export const dateCheck = (column: string): Check => ({ column, bad: `NOT wcc_date_ok("${column}")`, reason: 'not a date (YYYY-MM-DD)' });
export const ageCheck = (column: string): Check => ({ column, bad: `NOT wcc_age_ok("${column}")`, reason: `age must be 0-120 or 7001-7007` });
export const sexCheck = (column: string): Check => ({ column, bad: `NOT wcc_sex_ok("${column}")`, reason: `sex must be 0, 1, 2, 9, M or F` });
export const icdCheck = (column: string): Check => ({ column, bad: `NOT wcc_icd10_ok("${column}")`, reason: `not an ICD-10 code` });
export const opcsCheck = (column: string): Check => ({ column, bad: `NOT wcc_opcs_ok("${column}")`, reason: `not an OPCS-4 code` });
export const codeCheck = (column: string): Check => ({ column, bad: `NOT wcc_code_ok("${column}")`, reason: `not an organisation code` });
export const lsoaCheck = (column: string): Check => ({ column, bad: `NOT wcc_lsoa_ok("${column}")`, reason: `not an LSOA code (E01nnnnnn)` });
export const intCheck = (column: string, lo: number, hi: number): Check => ({
  column, bad: `NOT wcc_int_ok("${column}", ${lo}, ${hi})`, reason: `must be a whole number ${lo}-${hi}`,
});
export const fyearCheck = (column: string): Check => ({
  column, bad: `NOT wcc_fyear_ok("${column}")`, reason: `not a financial year (0809, 2008-09)`,
});

/**
 * HES columns are staged untrimmed: trimming 60 columns of 20M rows costs more than reading them. The
 * code macros (wcc_icd10, wcc_opcs) strip the padding HES uses ('-   ', '&\t ') themselves.
 */
export function hesColumns(required: string[], optional: string[]): SourceColumn[] {
  return [
    ...required.map((name): SourceColumn => ({ name, required: true, trim: false })),
    ...optional.map((name): SourceColumn => ({ name, required: false, trim: false })),
  ];
}

/** Numbered HES column families: DIAG_4_01 … DIAG_4_20. */
export function numbered(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);
}
