-- One row per person known to hospital services in the look-back window before $index::DATE (the start of
-- the 12 months being predicted), alive at $index::DATE: demographics from their latest record, activity,
-- bed days and costs over the window and its last 12 months, condition groups, recency, and the outcome
-- (an emergency admission in the 12 months from $index::DATE), when the data reach that far.
CREATE OR REPLACE TABLE person_features AS
WITH win AS (
  SELECT * FROM events WHERE event_date >= $start::DATE AND event_date < $index::DATE
), act AS (
  SELECT person_id,
         arg_max(pct_code, event_date) AS pct_code,
         arg_max(lsoa01, event_date) AS lsoa01,
         arg_max(sex, CASE WHEN sex IS NOT NULL THEN event_date END) AS sex,
         arg_max(age + date_diff('day', event_date, $index::DATE) / 365.25, CASE WHEN age IS NOT NULL THEN event_date END) AS age_exact,
         count(*) FILTER (setting = 'apc' AND kind = 'emergency') AS emergency_2y,
         count(*) FILTER (setting = 'apc' AND kind = 'emergency' AND event_date >= $last::DATE) AS emergency_1y,
         count(*) FILTER (setting = 'apc' AND kind = 'elective') AS elective_2y,
         count(*) FILTER (setting = 'apc' AND kind = 'elective' AND event_date >= $last::DATE) AS elective_1y,
         count(*) FILTER (setting = 'apc' AND kind = 'maternity' AND event_date >= $last::DATE) AS maternity_1y,
         count(*) FILTER (setting = 'ae') AS ae_2y,
         count(*) FILTER (setting = 'ae' AND event_date >= $last::DATE) AS ae_1y,
         count(*) FILTER (setting = 'op' AND kind = 'attended') AS op_2y,
         count(*) FILTER (setting = 'op' AND kind = 'dna') AS dna_2y,
         coalesce(sum(bed_days) FILTER (setting = 'apc'), 0) AS bed_days_2y,
         coalesce(sum(bed_days) FILTER (setting = 'apc' AND event_date >= $last::DATE), 0) AS bed_days_1y,
         coalesce(sum(bed_days) FILTER (setting = 'apc' AND kind = 'emergency'), 0) AS emergency_bed_days_2y,
         sum(cost) AS cost_2y,
         coalesce(sum(cost) FILTER (event_date >= $last::DATE), 0) AS cost_1y,
         coalesce(date_diff('day', max(event_date) FILTER (setting = 'apc' AND kind = 'emergency'), $index::DATE), 9999) AS days_since_emergency
    FROM win GROUP BY person_id
), cond AS (
  SELECT person_id,
         count(DISTINCT grp) FILTER (grp_kind = 'ltc') AS ltc_count,
         count(*) FILTER (grp_kind = 'acsc' AND setting = 'apc' AND kind = 'emergency' AND pos = 1) AS acsc_2y,
         list(DISTINCT grp) AS groups
    FROM event_conditions WHERE event_date >= $start::DATE AND event_date < $index::DATE GROUP BY person_id
), outcome AS (
  SELECT person_id, count(*) AS emergency_next, sum(cost) AS cost_next
    FROM events WHERE setting = 'apc' AND kind = 'emergency' AND event_date >= $index::DATE AND event_date < $end::DATE
   GROUP BY person_id
)
SELECT a.*, greatest(0, least(110, floor(a.age_exact)))::INTEGER AS age,
       coalesce(c.ltc_count, 0) AS ltc_count, coalesce(c.acsc_2y, 0) AS acsc_2y, coalesce(c.groups, []) AS groups,
       li.quintile AS imd_quintile,
       CASE WHEN $outcome_known THEN (o.person_id IS NOT NULL)::INTEGER END AS y,
       CASE WHEN $outcome_known THEN coalesce(o.emergency_next, 0) END AS emergency_next,
       CASE WHEN $outcome_known THEN coalesce(fd.date_of_death < $end::DATE, false)::INTEGER END AS died_next_12m
  FROM act a
  LEFT JOIN cond c USING (person_id)
  LEFT JOIN outcome o USING (person_id)
  LEFT JOIN first_deaths fd USING (person_id)
  LEFT JOIN lsoa_imd li ON li.lsoa01 = a.lsoa01
 WHERE fd.date_of_death IS NULL OR fd.date_of_death >= $index::DATE;
