-- DuckDB macros shared by the importers' validation and transform queries. Inputs are VARCHARs with ''
-- already turned into NULL by the staging step (trimmed too, except HES columns: see hesColumns).

-- HES dates: 1800-01-01 (null) and 1801-01-01 (invalid) are sentinels, not dates.
CREATE OR REPLACE MACRO wcc_is_date_sentinel(s) AS left(s, 10) IN ('1800-01-01', '1801-01-01');
CREATE OR REPLACE MACRO wcc_parse_date(s) AS
  CAST(try_strptime(s, ['%Y-%m-%d', '%Y-%m-%d %H:%M:%S', '%Y%m%d', '%d/%m/%Y']) AS DATE);
CREATE OR REPLACE MACRO wcc_date(s) AS
  CASE WHEN s IS NULL OR wcc_is_date_sentinel(s) THEN NULL ELSE wcc_parse_date(s) END;
CREATE OR REPLACE MACRO wcc_date_ok(s) AS
  s IS NULL OR wcc_is_date_sentinel(s) OR wcc_parse_date(s) IS NOT NULL;

-- HES ages: whole years 0–120 ("37" or "37.0"); 7001–7007 are ages under one year → 0.
CREATE OR REPLACE MACRO wcc_age(s) AS
  CASE
    WHEN TRY_CAST(s AS DOUBLE) IS NULL OR TRY_CAST(s AS DOUBLE) <> floor(TRY_CAST(s AS DOUBLE)) THEN NULL
    WHEN TRY_CAST(s AS DOUBLE) BETWEEN 7001 AND 7007 THEN CAST(0 AS SMALLINT)
    WHEN TRY_CAST(s AS DOUBLE) BETWEEN 0 AND 120 THEN CAST(TRY_CAST(s AS DOUBLE) AS SMALLINT)
    ELSE NULL END;
CREATE OR REPLACE MACRO wcc_age_ok(s) AS s IS NULL OR wcc_age(s) IS NOT NULL;

-- Sex: HES 1/2 (0 not known, 9 not specified); M/F accepted too.
CREATE OR REPLACE MACRO wcc_sex(s) AS
  CASE upper(s) WHEN '1' THEN 'M' WHEN '2' THEN 'F' WHEN 'M' THEN 'M' WHEN 'F' THEN 'F' ELSE NULL END;
CREATE OR REPLACE MACRO wcc_sex_ok(s) AS s IS NULL OR upper(s) IN ('0', '1', '2', '9', 'M', 'F');

-- Aggregate sex: Male/Female/Persons (any case), M/F/P, 1/2.
CREATE OR REPLACE MACRO wcc_sex_mfp(s) AS
  CASE WHEN lower(s) IN ('m', 'male', 'males', '1') THEN 'M'
       WHEN lower(s) IN ('f', 'female', 'females', '2') THEN 'F'
       WHEN lower(s) IN ('p', 'persons', 'person', 'all', 'total', '3') THEN 'P'
       ELSE NULL END;

-- Financial year: 0809, 200809, 2008-09, 2008/09, 2008-2009 → '2008-09'.
-- (Macros here avoid scalar subqueries: DuckDB would run them as joins, far slower at 20M rows.)
CREATE OR REPLACE MACRO wcc_fyear_y1(s) AS
  CASE
    WHEN regexp_full_match(s, '[0-9]{4}') THEN
      (CASE WHEN TRY_CAST(left(s, 2) AS INTEGER) >= 80 THEN 1900 ELSE 2000 END) + TRY_CAST(left(s, 2) AS INTEGER)
    WHEN regexp_full_match(s, '[0-9]{4}([-/]?[0-9]{2}|[-/][0-9]{4})') THEN TRY_CAST(left(s, 4) AS INTEGER)
    ELSE NULL END;
CREATE OR REPLACE MACRO wcc_fyear_from(y1, s) AS
  CASE WHEN y1 BETWEEN 1980 AND 2100 AND (y1 + 1) % 100 = TRY_CAST(right(s, 2) AS INTEGER)
    THEN CAST(y1 AS VARCHAR) || '-' || lpad(CAST((y1 + 1) % 100 AS VARCHAR), 2, '0') ELSE NULL END;
-- HES's own 0809 first, with one regular expression instead of the general case's eight.
CREATE OR REPLACE MACRO wcc_fyear(s) AS
  CASE WHEN s IS NULL THEN NULL
       WHEN regexp_full_match(s, '[0-9]{4}') THEN wcc_fyear_from(
         (CASE WHEN TRY_CAST(left(s, 2) AS INTEGER) >= 80 THEN 1900 ELSE 2000 END) + TRY_CAST(left(s, 2) AS INTEGER), s)
       ELSE wcc_fyear_from(wcc_fyear_y1(s), s) END;
-- The check alone, without building the text: for 0809, the second pair follows the first.
CREATE OR REPLACE MACRO wcc_fyear_ok(s) AS
  CASE WHEN s IS NULL THEN false
       WHEN regexp_full_match(s, '[0-9]{4}') THEN (TRY_CAST(left(s, 2) AS INTEGER) + 1) % 100 = TRY_CAST(right(s, 2) AS INTEGER)
       ELSE wcc_fyear(s) IS NOT NULL END;
CREATE OR REPLACE MACRO wcc_fyear_of_date(d) AS
  CASE WHEN d IS NULL THEN NULL
       ELSE printf('%04d-%02d', year(d) - CASE WHEN month(d) < 4 THEN 1 ELSE 0 END,
                   (year(d) + CASE WHEN month(d) < 4 THEN 0 ELSE 1 END) % 100) END;

-- ICD-10: 'I10', 'I10X', 'I21.9', 'I219', 'I219D' → 4 characters ('I10X', 'I219'); '-' = none.
-- Codes HES uses as placeholders ('0000', '7999') are kept as given.
CREATE OR REPLACE MACRO wcc_icd_clean(s) AS upper(replace(replace(replace(s, '.', ''), ' ', ''), chr(9), ''));
-- The first branches are fast paths for the values nearly every cell holds (blank, '-', a clean code):
-- a CSV is checked row by row (no Parquet dictionary to evaluate once per distinct value), so the
-- cleaning (four string copies) runs only for the rare padded or dotted code. Same results either way.
CREATE OR REPLACE MACRO wcc_icd10(s) AS
  CASE WHEN s IS NULL OR s = '-' THEN NULL
       WHEN regexp_full_match(s, '[A-Z][0-9]{2}[0-9X]') THEN s
       WHEN wcc_icd_clean(s) IN ('-', '&') THEN NULL
       WHEN regexp_full_match(wcc_icd_clean(s), '[A-Z][0-9]{2}') THEN wcc_icd_clean(s) || 'X'
       ELSE left(wcc_icd_clean(s), 4) END;
CREATE OR REPLACE MACRO wcc_icd10_ok(s) AS
  CASE WHEN s IS NULL OR s = '-' THEN true
       WHEN regexp_full_match(s, '[A-Z][0-9]{2}[0-9X]') THEN true
       ELSE wcc_icd_clean(s) IN ('-', '&') OR regexp_matches(wcc_icd_clean(s), '^[A-Z0-9]{3,4}[A-Z0-9*+-]{0,2}$') END;

-- OPCS-4 procedures: '-', '&' (padded with spaces or tabs) = no procedure.
CREATE OR REPLACE MACRO wcc_opcs_clean(s) AS upper(replace(replace(replace(s, '.', ''), ' ', ''), chr(9), ''));
CREATE OR REPLACE MACRO wcc_opcs(s) AS
  CASE WHEN s IS NULL OR s = '-' THEN NULL
       WHEN regexp_full_match(s, '[A-Z][0-9]{2,3}') THEN s
       WHEN trim(wcc_opcs_clean(s), '-&') = '' THEN NULL ELSE wcc_opcs_clean(s) END;
CREATE OR REPLACE MACRO wcc_opcs_ok(s) AS
  CASE WHEN s IS NULL OR s = '-' THEN true
       WHEN regexp_full_match(s, '[A-Z][0-9]{2,3}') THEN true
       ELSE trim(wcc_opcs_clean(s), '-&') = '' OR regexp_full_match(wcc_opcs_clean(s), '[A-Z0-9]{1,4}') END;

-- Organisation codes (PCT, SHA, provider): 1–5 letters/digits. '5QC00' → '5QC'; HES unknowns
-- ('59898', '59999', 'X98', 'Q99') → NULL.
CREATE OR REPLACE MACRO wcc_code_ok(s) AS s IS NULL OR regexp_matches(upper(s), '^[A-Z0-9]{1,8}$');
CREATE OR REPLACE MACRO wcc_org(s) AS
  CASE WHEN s IS NULL OR upper(s) IN ('59898', '59999', 'X98', 'Q99', 'X99') THEN NULL
       WHEN length(s) = 5 AND right(s, 2) = '00' THEN upper(left(s, 3))
       ELSE upper(s) END;

-- Small areas: E01…/W01… (LSOA), Z99999999 = unknown.
CREATE OR REPLACE MACRO wcc_lsoa_ok(s) AS s IS NULL OR regexp_matches(upper(s), '^[A-Z][0-9]{8}$');
CREATE OR REPLACE MACRO wcc_lsoa(s) AS
  CASE WHEN s IS NULL OR upper(s) LIKE 'Z9999999%' THEN NULL ELSE upper(s) END;

CREATE OR REPLACE MACRO wcc_int_ok(s, lo, hi) AS
  s IS NULL OR (TRY_CAST(s AS DOUBLE) IS NOT NULL AND TRY_CAST(s AS DOUBLE) = floor(TRY_CAST(s AS DOUBLE))
                AND TRY_CAST(s AS DOUBLE) BETWEEN lo AND hi);
CREATE OR REPLACE MACRO wcc_int(s) AS CAST(TRY_CAST(s AS DOUBLE) AS INTEGER);

-- Area types from codes in aggregate files.
CREATE OR REPLACE MACRO wcc_area_type(code) AS
  CASE
    WHEN regexp_matches(code, '^[EW]01[0-9]{6}$') THEN 'lsoa01'
    WHEN regexp_matches(code, '^(E06|E07|E08|E09|W06)') THEN 'la'
    WHEN regexp_matches(code, '^E10') THEN 'county'
    WHEN regexp_matches(code, '^E12') THEN 'region'
    WHEN code = 'E92000001' OR upper(code) IN ('ENG', 'ENGLAND') THEN 'england'
    WHEN code = 'W92000004' THEN 'wales'
    WHEN regexp_matches(code, '^K04') THEN 'england_wales'
    WHEN regexp_matches(code, '^K02') THEN 'uk'
    WHEN regexp_matches(code, '^K03') THEN 'gb'
    WHEN regexp_matches(code, '^(E16|E17)') THEN 'pct'
    WHEN regexp_matches(code, '^(E18|Q3[0-9])$') OR regexp_matches(code, '^E18') THEN 'sha'
    WHEN regexp_matches(code, '^[0-9A-Z]{3}$') THEN 'pct'
    ELSE 'other' END;

-- Age bands: 'All ages' → all; 'Under 1' → 0; '0-4', '85-89', '90+', '90 and over', single years.
CREATE OR REPLACE MACRO wcc_age_band(s) AS
  CASE
    WHEN lower(s) IN ('all ages', 'all', 'total') THEN 'all'
    WHEN lower(s) IN ('under 1', '<1', '0') THEN '0'
    WHEN regexp_matches(s, '^[0-9]{1,3}-[0-9]{1,3}$') THEN s
    WHEN regexp_matches(s, '^[0-9]{1,3}\+$') THEN s
    WHEN regexp_matches(lower(s), '^[0-9]{1,3} and over$') THEN split_part(s, ' ', 1) || '+'
    WHEN regexp_matches(s, '^[0-9]{1,3}$') THEN s
    ELSE NULL END;
CREATE OR REPLACE MACRO wcc_age_lower(b) AS
  CASE WHEN b = 'all' THEN 0 ELSE CAST(regexp_extract(b, '^[0-9]+') AS SMALLINT) END;
CREATE OR REPLACE MACRO wcc_age_upper(b) AS
  CASE WHEN b = 'all' OR b LIKE '%+' THEN NULL
       WHEN b LIKE '%-%' THEN CAST(split_part(b, '-', 2) AS SMALLINT)
       ELSE CAST(b AS SMALLINT) END;
