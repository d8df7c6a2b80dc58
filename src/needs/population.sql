-- Reference tables for scoring and the views: small area → PCT (from the HES records, else the IMD
-- import's LA → PCT lookup), the population by PCT × sex × 5-year age band × deprivation quintile for
-- calendar year $year (the latest available at or before it), and each PCT's characteristics for
-- statistical peers (deprivation and age structure; peers.ts finds the nearest neighbours).
CREATE OR REPLACE TABLE lsoa_pct AS
WITH hes AS (SELECT lsoa01, mode(pct_code) AS pct_code FROM events WHERE lsoa01 IS NOT NULL AND pct_code IS NOT NULL GROUP BY lsoa01)
SELECT coalesce(h.lsoa01, i.lsoa01) AS lsoa01, coalesce(h.pct_code, i.pct_code) AS pct_code, i.score, i.quintile
  FROM hes h FULL JOIN lsoa_imd i ON i.lsoa01 = h.lsoa01;

-- One row per PCT × sex × age band × deprivation quintile (NULL when the small area has no IMD).
CREATE OR REPLACE TABLE stratum_population AS
WITH y AS (SELECT max(year) AS year FROM population WHERE year <= $year AND area_type = 'lsoa01')
SELECT l.pct_code, p.sex, least(90, p.age_lower)::INTEGER AS age_lower, l.quintile AS imd_quintile,
       sum(p.population) AS people, sum(p.population * l.score) AS imd_score_people
  FROM population p JOIN y ON p.year = y.year JOIN lsoa_pct l ON l.lsoa01 = p.area_code
 WHERE p.area_type = 'lsoa01' AND p.sex IN ('M', 'F') AND p.age_band <> 'all' AND l.pct_code IS NOT NULL
 GROUP BY ALL;

CREATE OR REPLACE TABLE pct_population AS
SELECT pct_code, sex, age_lower, sum(people) AS people FROM stratum_population GROUP BY ALL;

-- Peer characteristics per PCT: population-weighted IMD score, share living in the most deprived
-- national fifth of small areas, shares aged under 15 and 65 and over.
CREATE OR REPLACE TABLE pct_characteristics AS
SELECT pct_code,
       sum(imd_score_people) / nullif(sum(people) FILTER (imd_quintile IS NOT NULL), 0) AS imd_score,
       coalesce(sum(people) FILTER (imd_quintile = 1), 0) / nullif(sum(people) FILTER (imd_quintile IS NOT NULL), 0) AS share_most_deprived,
       coalesce(sum(people) FILTER (age_lower < 15), 0) / nullif(sum(people), 0) AS share_under_15,
       coalesce(sum(people) FILTER (age_lower >= 65), 0) / nullif(sum(people), 0) AS share_65_plus,
       sum(people) AS people
  FROM stratum_population GROUP BY pct_code;
