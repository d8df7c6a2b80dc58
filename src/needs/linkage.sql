-- Person-level linkage: every admitted spell, outpatient appointment and A&E attendance of a person
-- (PSEUDO_HESID → person_id), with its responsible PCT, date and cost from the tariff (HRG-like groups,
-- editable CSV). Reads the views apc, op, ae, tariff and codes set up by linkage.ts.
-- Admitted care: one row per spell (first episode); cost = tariff (80% for day cases) plus excess bed
-- days beyond the trim point, unless the file carried its own COST.
CREATE OR REPLACE TABLE events AS
SELECT a.person_id, 'apc' AS setting, coalesce(a.admission_class, 'other') AS kind,
       a.admission_date AS event_date, a.age, a.sex, a.lsoa01, a.pct_code,
       coalesce(a.length_of_stay, 0) AS bed_days,
       coalesce(a.cost, t.cost * CASE WHEN a.patient_class = '2' THEN 0.8 ELSE 1 END
                        + greatest(0, coalesce(a.length_of_stay, 0) - t.trim_days) * t.excess_bed_day, 0) AS cost,
       coalesce(t.programme, 'Other') AS programme,
       a.diagnoses
  FROM apc a LEFT JOIN tariff t ON t.hrg = a.hrg
 WHERE a.person_id IS NOT NULL AND coalesce(a.epiorder, 1) = 1 AND a.admission_date IS NOT NULL
UNION ALL
SELECT o.person_id, 'op', coalesce(o.attendance_status, 'other'), o.appointment_date, o.age, o.sex, o.lsoa01, o.pct_code,
       0, CASE WHEN o.attendance_status = 'attended' THEN coalesce(o.cost, t.cost, 0) ELSE 0 END,
       coalesce(t.programme, 'Other'), o.diagnoses
  FROM op o LEFT JOIN tariff t ON t.hrg = o.hrg
 WHERE o.person_id IS NOT NULL AND o.appointment_date IS NOT NULL
UNION ALL
SELECT e.person_id, 'ae', 'attendance', e.arrival_date, e.age, e.sex, e.lsoa01, e.pct_code,
       0, coalesce(e.cost, t.cost, 0), coalesce(t.programme, 'Other'), CAST([] AS VARCHAR[])
  FROM ae e LEFT JOIN tariff t ON t.hrg = e.hrg
 WHERE e.person_id IS NOT NULL AND e.arrival_date IS NOT NULL;

-- Diagnoses of admitted and outpatient care, matched to the condition groups (3- or 4-character codes).
-- Each diagnosis meets its group once: by its own code, or else by its 3-character category (when the
-- group does not list the code itself). Two equality joins (hash joins) and UNION ALL: a UNION's
-- de-duplication over every diagnosis ran out of memory at 55M people. d is NOT MATERIALIZED so the
-- two branches stream their own scan instead of holding every diagnosis in memory.
CREATE OR REPLACE TABLE event_conditions AS
WITH d AS NOT MATERIALIZED (
  SELECT person_id, event_date, setting, kind, generate_subscripts(diagnoses, 1) AS pos, unnest(diagnoses) AS code
    FROM events WHERE setting IN ('apc', 'op') AND len(diagnoses) > 0
), groups AS (SELECT DISTINCT grp, kind, code FROM codes)
SELECT d.person_id, d.event_date, d.setting, d.kind, d.pos, c.grp, c.kind AS grp_kind
  FROM d JOIN groups c ON c.code = d.code
UNION ALL
SELECT d.person_id, d.event_date, d.setting, d.kind, d.pos, c.grp, c.kind AS grp_kind
  FROM d JOIN groups c ON c.code = left(d.code, 3)
 WHERE length(d.code) > 3 AND NOT EXISTS (SELECT 1 FROM groups x WHERE x.code = d.code AND x.grp = c.grp AND x.kind = c.kind);

CREATE OR REPLACE TABLE first_deaths AS
SELECT person_id, min(date_of_death) AS date_of_death FROM deaths WHERE person_id IS NOT NULL GROUP BY person_id;

-- Small area → deprivation quintile (1 = most deprived; latest IMD) and PCT (earliest IMD: IMD 2007's local
-- authorities are the ones the 2008/09 PCTs were drawn from; IMD 2010's 2009 unitaries cross PCTs).
CREATE OR REPLACE TABLE lsoa_imd AS
SELECT lsoa01, arg_max(quintile, imd_year) AS quintile, arg_min(pct_code, imd_year) AS pct_code, arg_max(score, imd_year) AS score
  FROM imd GROUP BY lsoa01;
