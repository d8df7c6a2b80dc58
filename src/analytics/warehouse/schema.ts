// The warehouse storage contract: what the importers write and the indicator engine reads.
//
// Record-level and small-area data land as Parquet files:
//   <dataDir>/warehouse/<dataset>/<import_id>.parquet
// one file per import, in the normalised schema below. A dataset is the union of its files:
//   SELECT … FROM read_parquet('<dataDir>/warehouse/apc/*.parquet', union_by_name = true)
// (use `datasetGlob`). Files are written to a temporary name and renamed into place only after the
// provenance row is committed, so a reader never sees a half-written import. Every row carries the
// `import_id` of the `data_imports` row (PostgreSQL) that produced it.
//
// Conventions for every dataset:
// - sex: 'M' | 'F' | null (unknown / not specified); aggregates use 'M' | 'F' | 'P' (persons).
// - age: whole years at the event; HES infant codes 7001–7007 become 0; null when unknown.
// - fyear: financial year 'YYYY-YY' (e.g. '2008-09'); year: calendar year (INTEGER).
// - diagnoses: 4-character ICD-10 without the dot, 3-character codes padded with 'X' ('I10X', 'I219'),
//   primary diagnosis first; procedures: OPCS-4 codes, '-'/'&' (none) dropped.
// - HES date sentinels 1800-01-01 (null) and 1801-01-01 (invalid) become null.
// - Codes (lsoa01, pct_code, sha_code, provider) are upper-case and trimmed; pct_code is the 3-character
//   ODS code (e.g. '5QC'), sha_code 'Q30'…'Q39'.

export type DatasetName =
  | 'apc' | 'op' | 'ae' | 'deaths' | 'births' | 'population' | 'ons_deaths' | 'imd';

export interface ColumnDef {
  name: string;
  /** DuckDB type as written to Parquet. */
  type: string;
  description: string;
}

const importId: ColumnDef = { name: 'import_id', type: 'VARCHAR', description: 'data_imports.id of the import that wrote the row' };

const residence: ColumnDef[] = [
  { name: 'lsoa01', type: 'VARCHAR', description: 'LSOA 2001 of residence (E01…), null when unknown' },
  { name: 'pct_code', type: 'VARCHAR', description: 'responsible (commissioning) PCT: HES PCTCODE_HIS' },
  { name: 'residence_pct', type: 'VARCHAR', description: 'PCT of residence: HES RESPCT_HIS' },
  { name: 'sha_code', type: 'VARCHAR', description: 'SHA of residence: HES RESSTHA_HIS' },
];

const person: ColumnDef[] = [
  { name: 'age', type: 'SMALLINT', description: 'age in whole years (HES 7001–7007 → 0), null when unknown' },
  { name: 'sex', type: 'VARCHAR', description: "'M' | 'F' | null (HES 1/2; 0 and 9 → null)" },
];

export const DATASETS: Record<DatasetName, ColumnDef[]> = {
  /** HES admitted patient care: one row per finished consultant episode. */
  apc: [
    { name: 'person_id', type: 'VARCHAR', description: 'PSEUDO_HESID (null when not linked)' },
    { name: 'fyear', type: 'VARCHAR', description: "financial year '2008-09' (from FYEAR)" },
    { name: 'episode_key', type: 'VARCHAR', description: 'EPIKEY' },
    { name: 'admission_date', type: 'DATE', description: 'ADMIDATE (start of the spell)' },
    { name: 'discharge_date', type: 'DATE', description: 'DISDATE (end of the spell; null until the last episode)' },
    { name: 'episode_start', type: 'DATE', description: 'EPISTART' },
    { name: 'episode_end', type: 'DATE', description: 'EPIEND' },
    { name: 'epiorder', type: 'SMALLINT', description: 'EPIORDER: 1 = first episode of the spell (count admissions with epiorder = 1)' },
    { name: 'admission_method', type: 'VARCHAR', description: 'ADMIMETH raw (11…13, 21…28, 2A…2D, 31, 32, 81…)' },
    { name: 'admission_class', type: 'VARCHAR', description: "'elective' (11–13) | 'emergency' (21–28, 2A–2D) | 'maternity' (31, 32) | 'other'" },
    { name: 'admission_source', type: 'VARCHAR', description: 'ADMISORC raw' },
    { name: 'patient_class', type: 'VARCHAR', description: 'CLASSPAT raw: 1 ordinary, 2 day case, 3/4 regular day/night, 5 mothers and babies' },
    ...person,
    ...residence,
    { name: 'provider', type: 'VARCHAR', description: 'PROCODE3 (provider trust)' },
    { name: 'main_specialty', type: 'VARCHAR', description: 'MAINSPEF' },
    { name: 'treatment_specialty', type: 'VARCHAR', description: 'TRETSPEF' },
    { name: 'diagnoses', type: 'VARCHAR[]', description: 'DIAG_4_01…DIAG_4_20, primary first, blanks dropped' },
    { name: 'procedures', type: 'VARCHAR[]', description: "OPERTN_4_01…OPERTN_4_24, '-'/'&' dropped" },
    { name: 'discharge_method', type: 'VARCHAR', description: 'DISMETH raw (4 = died)' },
    { name: 'discharge_destination', type: 'VARCHAR', description: 'DISDEST raw (79 = died)' },
    { name: 'length_of_stay', type: 'INTEGER', description: 'spell length in days: discharge_date − admission_date, else SPELDUR; null when unknown' },
    { name: 'episode_duration', type: 'INTEGER', description: 'EPIDUR (days)' },
    { name: 'hrg', type: 'VARCHAR', description: 'SUSHRG, else HRG40 (HRG-like group)' },
    { name: 'cost', type: 'DOUBLE', description: 'episode cost in £ when the file carries a COST column (generated data), else null' },
    importId,
  ],
  /** HES outpatients: one row per appointment. */
  op: [
    { name: 'person_id', type: 'VARCHAR', description: 'PSEUDO_HESID' },
    { name: 'fyear', type: 'VARCHAR', description: "financial year '2003-04'" },
    { name: 'attendance_key', type: 'VARCHAR', description: 'ATTENDKEY' },
    { name: 'appointment_date', type: 'DATE', description: 'APPTDATE' },
    ...person,
    ...residence,
    { name: 'provider', type: 'VARCHAR', description: 'PROCODE3' },
    { name: 'main_specialty', type: 'VARCHAR', description: 'MAINSPEF' },
    { name: 'treatment_specialty', type: 'VARCHAR', description: 'TRETSPEF' },
    { name: 'first_attendance', type: 'VARCHAR', description: 'FIRSTATT raw: 1 first, 2 follow-up, 3 first by telephone, 4 follow-up by telephone' },
    { name: 'is_first', type: 'BOOLEAN', description: "FIRSTATT in ('1','3')" },
    { name: 'attended', type: 'VARCHAR', description: 'ATTENDED raw: 5/6 seen, 7 late not seen, 2/4 cancelled, 3 did not attend' },
    { name: 'attendance_status', type: 'VARCHAR', description: "'attended' (5,6) | 'dna' (3, 7) | 'cancelled' (2, 4) | 'other'" },
    { name: 'diagnoses', type: 'VARCHAR[]', description: 'DIAG_4_01…DIAG_4_12' },
    { name: 'procedures', type: 'VARCHAR[]', description: 'OPERTN_4_01…OPERTN_4_24' },
    { name: 'hrg', type: 'VARCHAR', description: 'SUSHRG' },
    { name: 'cost', type: 'DOUBLE', description: 'COST column when present, else null' },
    importId,
  ],
  /** HES A&E: one row per attendance. */
  ae: [
    { name: 'person_id', type: 'VARCHAR', description: 'PSEUDO_HESID' },
    { name: 'fyear', type: 'VARCHAR', description: "financial year '2007-08'" },
    { name: 'attendance_key', type: 'VARCHAR', description: 'AEKEY' },
    { name: 'arrival_date', type: 'DATE', description: 'ARRIVALDATE' },
    { name: 'arrival_time', type: 'VARCHAR', description: "ARRIVALTIME 'HHMM'" },
    ...person,
    ...residence,
    { name: 'provider', type: 'VARCHAR', description: 'PROCODE3' },
    { name: 'department_type', type: 'VARCHAR', description: 'AEDEPTTYPE raw (01 major A&E, 02 single specialty, 03 other/WiC, 04 NHS walk-in)' },
    { name: 'attendance_category', type: 'VARCHAR', description: 'AEATTENDCAT raw: 1 first, 2 planned follow-up, 3 unplanned follow-up' },
    { name: 'disposal', type: 'VARCHAR', description: 'AEATTENDDISP raw (01 admitted …)' },
    { name: 'duration_minutes', type: 'INTEGER', description: 'DEPDUR: arrival to departure in minutes; null when unknown' },
    { name: 'within_4_hours', type: 'BOOLEAN', description: 'duration_minutes <= 240; null when unknown' },
    { name: 'diagnoses', type: 'VARCHAR[]', description: 'DIAG_3_01… / DIAGA_01… (A&E diagnosis codes as given)' },
    { name: 'hrg', type: 'VARCHAR', description: 'SUSHRG' },
    { name: 'cost', type: 'DOUBLE', description: 'COST column when present, else null' },
    importId,
  ],
  /** Record-level deaths (our documented CSV; see docs/IMPORTS.md). */
  deaths: [
    { name: 'person_id', type: 'VARCHAR', description: 'person identifier (may be null)' },
    { name: 'date_of_death', type: 'DATE', description: 'date of death' },
    { name: 'year', type: 'INTEGER', description: 'calendar year of death' },
    { name: 'fyear', type: 'VARCHAR', description: "financial year of death '2008-09'" },
    ...person,
    { name: 'underlying_cause', type: 'VARCHAR', description: '4-character ICD-10 underlying cause (I219, C349, X70X)' },
    { name: 'lsoa01', type: 'VARCHAR', description: 'LSOA 2001 of usual residence' },
    { name: 'pct_code', type: 'VARCHAR', description: 'PCT of residence' },
    importId,
  ],
  /** Live births by small area. */
  births: [
    { name: 'year', type: 'INTEGER', description: 'calendar year' },
    { name: 'lsoa01', type: 'VARCHAR', description: 'LSOA 2001 of the mother' },
    { name: 'pct_code', type: 'VARCHAR', description: 'PCT' },
    { name: 'sex', type: 'VARCHAR', description: "'M' | 'F' | 'P'" },
    { name: 'births', type: 'INTEGER', description: 'count' },
    importId,
  ],
  /** Population estimates (ONS MYE shape, or the generator's LSOA01 population). */
  population: [
    { name: 'year', type: 'INTEGER', description: 'mid-year' },
    { name: 'area_code', type: 'VARCHAR', description: 'LSOA01 / LA / PCT / SHA / region / country code as given' },
    { name: 'area_type', type: 'VARCHAR', description: "see AreaType" },
    { name: 'area_name', type: 'VARCHAR', description: 'as given (may be null)' },
    { name: 'sex', type: 'VARCHAR', description: "'M' | 'F' | 'P'" },
    { name: 'age_band', type: 'VARCHAR', description: "canonical band: 'all', '0', '1-4', '0-4', '5-9' … '85-89', '90+' (single years '37' also allowed)" },
    { name: 'age_lower', type: 'SMALLINT', description: 'lowest age in the band (0 for all)' },
    { name: 'age_upper', type: 'SMALLINT', description: 'highest age in the band, inclusive; null when open (90+, all)' },
    { name: 'population', type: 'DOUBLE', description: 'persons' },
    importId,
  ],
  /** ONS deaths by area of usual residence, sex and age band (aggregate). */
  ons_deaths: [
    { name: 'year', type: 'INTEGER', description: 'registration year' },
    { name: 'area_code', type: 'VARCHAR', description: 'area code as given (E06…, E92000001, OUTSIDE_EW, PCT codes …)' },
    { name: 'area_type', type: 'VARCHAR', description: 'see AreaType' },
    { name: 'area_name', type: 'VARCHAR', description: 'as given' },
    { name: 'sex', type: 'VARCHAR', description: "'M' | 'F' | 'P'" },
    { name: 'age_band', type: 'VARCHAR', description: "canonical band as in population ('0' is 'Under 1')" },
    { name: 'age_lower', type: 'SMALLINT', description: 'lowest age in the band' },
    { name: 'age_upper', type: 'SMALLINT', description: 'highest age, inclusive; null when open' },
    { name: 'deaths', type: 'INTEGER', description: 'count' },
    importId,
  ],
  /** Index of Multiple Deprivation per LSOA01 (also in PostgreSQL table imd_lsoa01). */
  imd: [
    { name: 'imd_year', type: 'INTEGER', description: '2007 | 2010' },
    { name: 'lsoa01', type: 'VARCHAR', description: 'LSOA 2001' },
    { name: 'la_code', type: 'VARCHAR', description: 'old-style LA code (00AA, 26UE) as in the IMD file; matches HES RESLADST' },
    { name: 'pct_code', type: 'VARCHAR', description: 'PCT of the LSOA through la_pct (src/analytics/reference-data/la-pct-2008.csv; Birmingham split by small-area order)' },
    { name: 'score', type: 'DOUBLE', description: 'IMD score (higher = more deprived)' },
    { name: 'rank', type: 'INTEGER', description: 'national rank, 1 = most deprived' },
    { name: 'decile', type: 'SMALLINT', description: 'national decile, 1 = most deprived' },
    { name: 'quintile', type: 'SMALLINT', description: 'national quintile, 1 = most deprived' },
    importId,
  ],
};

/** Area types recognised from codes in aggregate files. */
export type AreaType =
  | 'lsoa01' | 'la' | 'county' | 'pct' | 'sha' | 'region' | 'england' | 'wales' | 'england_wales'
  | 'uk' | 'gb' | 'other';

/** Where a dataset's Parquet files live. */
export function datasetDir(dataDir: string, dataset: DatasetName): string {
  return `${dataDir.replace(/\/+$/, '')}/warehouse/${dataset}`;
}

/** Glob for `read_parquet(…)` over every import of a dataset. */
export function datasetGlob(dataDir: string, dataset: DatasetName): string {
  return `${datasetDir(dataDir, dataset)}/*.parquet`;
}

export function importFile(dataDir: string, dataset: DatasetName, importId: string): string {
  return `${datasetDir(dataDir, dataset)}/${importId}.parquet`;
}

/** `CREATE TABLE`-style column list, used to write empty files and to check outputs in tests. */
export function columnList(dataset: DatasetName): string {
  return DATASETS[dataset].map((c) => `${c.name} ${c.type}`).join(', ');
}
