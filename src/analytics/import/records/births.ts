// Live births by small area: year,lsoa01,pct_code,sex,births.
import { codeCheck, intCheck, lsoaCheck, notNull, type RecordSpec } from '../spec.ts';

export const birthsSpec: RecordSpec = {
  kind: 'births',
  dataset: 'births',
  columns: [
    { name: 'year', required: true },
    { name: 'lsoa01', required: true },
    { name: 'pct_code', required: true },
    { name: 'sex', required: true },
    { name: 'births', required: true, aliases: ['count'] },
  ],
  checks: [
    notNull('year'),
    intCheck('year', 1900, 2100),
    lsoaCheck('lsoa01'),
    codeCheck('pct_code'),
    { column: 'sex', bad: `wcc_sex_mfp(sex) IS NULL`, reason: 'sex must be M, F or P' },
    notNull('births'),
    intCheck('births', 0, 10000000),
  ],
  transform: `SELECT
      CAST(wcc_int(year) AS INTEGER) AS year,
      wcc_lsoa(lsoa01) AS lsoa01,
      wcc_org(pct_code) AS pct_code,
      wcc_sex_mfp(sex) AS sex,
      wcc_int(births) AS births
    FROM valid_rows`,
};
