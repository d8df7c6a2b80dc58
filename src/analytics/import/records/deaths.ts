// Record-level deaths: person_id,date_of_death,age,sex,underlying_cause,lsoa01,pct_code (docs/IMPORTS.md).
import { ageCheck, codeCheck, dateCheck, icdCheck, lsoaCheck, notNull, sexCheck, type RecordSpec } from '../spec.ts';

export const deathsSpec: RecordSpec = {
  kind: 'deaths',
  dataset: 'deaths',
  columns: [
    { name: 'person_id', required: false },
    { name: 'date_of_death', required: true, aliases: ['dod'] },
    { name: 'age', required: true },
    { name: 'sex', required: true },
    { name: 'underlying_cause', required: true, aliases: ['cause', 'icd10'] },
    { name: 'lsoa01', required: true },
    { name: 'pct_code', required: true },
  ],
  checks: [
    notNull('date_of_death'),
    dateCheck('date_of_death'),
    { column: 'date_of_death', bad: `date_of_death IS NOT NULL AND wcc_date(date_of_death) IS NULL AND wcc_date_ok(date_of_death)`, reason: 'date of death is a null/invalid sentinel' },
    ageCheck('age'),
    sexCheck('sex'),
    notNull('underlying_cause'),
    icdCheck('underlying_cause'),
    { column: 'underlying_cause', bad: `underlying_cause IS NOT NULL AND wcc_icd10_ok(underlying_cause) AND wcc_icd10(underlying_cause) IS NULL`, reason: 'underlying cause is required' },
    lsoaCheck('lsoa01'),
    codeCheck('pct_code'),
  ],
  transform: `SELECT
      person_id,
      wcc_date(date_of_death) AS date_of_death,
      CAST(year(wcc_date(date_of_death)) AS INTEGER) AS year,
      wcc_fyear_of_date(wcc_date(date_of_death)) AS fyear,
      wcc_age(age) AS age,
      wcc_sex(sex) AS sex,
      wcc_icd10(underlying_cause) AS underlying_cause,
      wcc_lsoa(lsoa01) AS lsoa01,
      wcc_org(pct_code) AS pct_code
    FROM valid_rows`,
};
