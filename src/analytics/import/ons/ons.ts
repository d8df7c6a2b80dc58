// ONS long shapes: year,area_code,area_name,sex,age_band,deaths|population. Area codes may be ONS
// LA/county/region/country codes, LSOA01 codes or PCT/SHA codes; the area type is read from the code.
import { intCheck, notNull, type Check, type RecordSpec, type SourceColumn } from '../spec.ts';

function onsSpec(kind: 'ons-deaths' | 'ons-population', measure: 'deaths' | 'population'): RecordSpec {
  const columns: SourceColumn[] = [
    { name: 'year', required: true },
    { name: 'area_code', required: true, aliases: ['lsoa01', 'code'] },
    { name: 'area_name', required: false, aliases: ['name'] },
    { name: 'sex', required: true },
    { name: 'age_band', required: true, aliases: ['age', 'age_group'] },
    { name: measure, required: true, aliases: ['count', 'value'] },
  ];
  const checks: Check[] = [
    intCheck('year', 1900, 2100),
    notNull('year'),
    notNull('area_code'),
    { column: 'area_code', bad: `NOT regexp_matches(area_code, '^[A-Za-z0-9_+]{2,20}$')`, reason: 'not an area code' },
    { column: 'sex', bad: `wcc_sex_mfp(sex) IS NULL`, reason: 'sex must be Male, Female or Persons' },
    { column: 'age_band', bad: `wcc_age_band(age_band) IS NULL`, reason: "not an age band ('All ages', 'Under 1', '0-4', '90+')" },
    measure === 'deaths'
      ? intCheck('deaths', 0, 100000000)
      : { column: 'population', bad: `TRY_CAST(population AS DOUBLE) IS NULL OR TRY_CAST(population AS DOUBLE) < 0`, reason: 'not a number >= 0' },
    notNull(measure),
  ];
  const value = measure === 'deaths' ? 'wcc_int(deaths) AS deaths' : 'TRY_CAST(population AS DOUBLE) AS population';
  const transform = `SELECT
      CAST(wcc_int(year) AS INTEGER) AS year,
      upper(area_code) AS area_code,
      wcc_area_type(upper(area_code)) AS area_type,
      area_name,
      wcc_sex_mfp(sex) AS sex,
      wcc_age_band(age_band) AS age_band,
      wcc_age_lower(wcc_age_band(age_band)) AS age_lower,
      wcc_age_upper(wcc_age_band(age_band)) AS age_upper,
      ${value}
    FROM valid_rows`;
  return { kind, dataset: measure === 'deaths' ? 'ons_deaths' : 'population', columns, checks, transform };
}

export const onsDeathsSpec = onsSpec('ons-deaths', 'deaths');
export const onsPopulationSpec = onsSpec('ons-population', 'population');
