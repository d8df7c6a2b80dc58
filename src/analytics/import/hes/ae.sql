-- HES A&E → warehouse dataset `ae`. A&E diagnoses use the A&E diagnosis scheme (DIAG3_nn, DIAG2_nn /
-- DIAGA_nn), kept as given.
SELECT
  PSEUDO_HESID AS person_id,
  wcc_fyear(FYEAR) AS fyear,
  AEKEY AS attendance_key,
  wcc_date(ARRIVALDATE) AS arrival_date,
  ARRIVALTIME AS arrival_time,
  wcc_age(ARRIVALAGE) AS age,
  wcc_sex(SEX) AS sex,
  wcc_lsoa(LSOA01) AS lsoa01,
  wcc_org(PCTCODE_HIS) AS pct_code,
  wcc_org(RESPCT_HIS) AS residence_pct,
  wcc_org(RESSTHA_HIS) AS sha_code,
  wcc_org(PROCODE3) AS provider,
  AEDEPTTYPE AS department_type,
  AEATTENDCAT AS attendance_category,
  AEATTENDDISP AS disposal,
  wcc_int(DEPDUR) AS duration_minutes,
  CASE WHEN wcc_int(DEPDUR) IS NULL THEN NULL ELSE wcc_int(DEPDUR) <= 240 END AS within_4_hours,
  list_filter([coalesce(DIAG3_01, DIAG2_01, DIAGA_01), coalesce(DIAG3_02, DIAG2_02, DIAGA_02), coalesce(DIAG3_03, DIAG2_03, DIAGA_03),
               coalesce(DIAG3_04, DIAGA_04), coalesce(DIAG3_05, DIAGA_05), coalesce(DIAG3_06, DIAGA_06)],
              x -> x IS NOT NULL) AS diagnoses,
  SUSHRG AS hrg,
  TRY_CAST(COST AS DOUBLE) AS cost
FROM valid_rows
