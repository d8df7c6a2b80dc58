-- HES outpatients → warehouse dataset `op`.
SELECT
  PSEUDO_HESID AS person_id,
  wcc_fyear(FYEAR) AS fyear,
  ATTENDKEY AS attendance_key,
  wcc_date(APPTDATE) AS appointment_date,
  wcc_age(APPTAGE) AS age,
  wcc_sex(SEX) AS sex,
  wcc_lsoa(LSOA01) AS lsoa01,
  wcc_org(PCTCODE_HIS) AS pct_code,
  wcc_org(RESPCT_HIS) AS residence_pct,
  wcc_org(RESSTHA_HIS) AS sha_code,
  wcc_org(PROCODE3) AS provider,
  MAINSPEF AS main_specialty,
  TRETSPEF AS treatment_specialty,
  FIRSTATT AS first_attendance,
  FIRSTATT IN ('1', '3') AS is_first,
  ATTENDED AS attended,
  CASE WHEN ATTENDED IN ('5', '6') THEN 'attended'
       WHEN ATTENDED IN ('3', '7') THEN 'dna'
       WHEN ATTENDED IN ('2', '4') THEN 'cancelled'
       ELSE 'other' END AS attendance_status,
  list_filter([wcc_icd10(DIAG_4_01), wcc_icd10(DIAG_4_02), wcc_icd10(DIAG_4_03), wcc_icd10(DIAG_4_04),
               wcc_icd10(DIAG_4_05), wcc_icd10(DIAG_4_06), wcc_icd10(DIAG_4_07), wcc_icd10(DIAG_4_08),
               wcc_icd10(DIAG_4_09), wcc_icd10(DIAG_4_10), wcc_icd10(DIAG_4_11), wcc_icd10(DIAG_4_12)],
              x -> x IS NOT NULL) AS diagnoses,
  list_filter([wcc_opcs(OPERTN_4_01), wcc_opcs(OPERTN_4_02), wcc_opcs(OPERTN_4_03), wcc_opcs(OPERTN_4_04),
               wcc_opcs(OPERTN_4_05), wcc_opcs(OPERTN_4_06), wcc_opcs(OPERTN_4_07), wcc_opcs(OPERTN_4_08),
               wcc_opcs(OPERTN_4_09), wcc_opcs(OPERTN_4_10), wcc_opcs(OPERTN_4_11), wcc_opcs(OPERTN_4_12),
               wcc_opcs(OPERTN_4_13), wcc_opcs(OPERTN_4_14), wcc_opcs(OPERTN_4_15), wcc_opcs(OPERTN_4_16),
               wcc_opcs(OPERTN_4_17), wcc_opcs(OPERTN_4_18), wcc_opcs(OPERTN_4_19), wcc_opcs(OPERTN_4_20),
               wcc_opcs(OPERTN_4_21), wcc_opcs(OPERTN_4_22), wcc_opcs(OPERTN_4_23), wcc_opcs(OPERTN_4_24)],
              x -> x IS NOT NULL) AS procedures,
  SUSHRG AS hrg,
  TRY_CAST(COST AS DOUBLE) AS cost
FROM valid_rows
