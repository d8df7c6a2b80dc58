// What each import kind holds, the format the importer expects and which options apply to it, for the
// upload form. The importer itself (src/analytics/import) decides what is valid; this is the help text.
export type ImportOption = 'mapping' | 'imdYear';

export interface ImportKindInfo {
  kind: string;
  label: string;
  description: string;
  format: string;
  options: ImportOption[];
}

export const importKinds: ImportKindInfo[] = [
  { kind: 'hes-apc', label: 'HES admitted patient care', description: 'Episodes of admitted patient care (record level).',
    format: 'HES APC extract as CSV (any delimiter) or Parquet: FYEAR, EPIKEY, ADMIDATE, EPISTART, ADMIMETH, STARTAGE, SEX, DIAG_4_01, …', options: [] },
  { kind: 'hes-op', label: 'HES outpatients', description: 'Outpatient appointments (record level).',
    format: 'HES OP extract as CSV or Parquet: FYEAR, ATTENDKEY, APPTDATE, APPTAGE, SEX, FIRSTATT, ATTENDED, …', options: [] },
  { kind: 'hes-ae', label: 'HES accident and emergency', description: 'A&E attendances (record level).',
    format: 'HES A&E extract as CSV or Parquet: FYEAR, AEKEY, ARRIVALDATE, ARRIVALAGE, SEX, …', options: [] },
  { kind: 'ons-deaths', label: 'ONS deaths by area', description: 'Registered deaths by area, sex and age band.',
    format: 'CSV: year, area_code, area_name, sex, age_band, deaths', options: [] },
  { kind: 'ons-population', label: 'ONS population estimates', description: 'Mid-year population by area, sex and age band.',
    format: 'CSV: year, area_code, area_name, sex, age_band, population', options: [] },
  { kind: 'deaths', label: 'Deaths (record level)', description: 'One row per death with cause and area of residence.',
    format: 'CSV: person_id, date_of_death, age, sex, underlying_cause, lsoa01, pct_code', options: [] },
  { kind: 'births', label: 'Births by area', description: 'Live births by year, LSOA, PCT and sex.',
    format: 'CSV: year, lsoa01, pct_code, sex, births', options: [] },
  { kind: 'imd', label: 'Index of Multiple Deprivation', description: 'IMD scores, ranks and deciles by LSOA (2001 boundaries).',
    format: 'CSV: lsoa01_code, optional LA code and name, IMD_score, IMD_rank, IMD_decile', options: ['imdYear'] },
  { kind: 'la-pct', label: 'Local authority to PCT lookup', description: 'Which PCT each local authority belongs to.',
    format: 'CSV: la_code, la_name, la_ons_code (optional), pct_code, match (optional)', options: [] },
  { kind: 'indicator-values', label: 'Indicator values (aggregate)', description: 'Published indicator values for areas, with a column mapping.',
    format: 'Any CSV of aggregate values; the mapping names the column for each field', options: ['mapping'] },
];

export function kindInfo(kind: string): ImportKindInfo | undefined {
  return importKinds.find((k) => k.kind === kind);
}
