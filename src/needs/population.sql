-- Reference tables for the views: small area → PCT (from the HES records, else the IMD import's
-- LA → PCT lookup), population by PCT, sex and 5-year age band for calendar year $year (the latest
-- available at or before it), and peer groups (quintiles of PCTs by population-weighted IMD score).
CREATE OR REPLACE TABLE lsoa_pct AS
WITH hes AS (SELECT lsoa01, mode(pct_code) AS pct_code FROM events WHERE lsoa01 IS NOT NULL AND pct_code IS NOT NULL GROUP BY lsoa01)
SELECT coalesce(h.lsoa01, i.lsoa01) AS lsoa01, coalesce(h.pct_code, i.pct_code) AS pct_code, i.score
  FROM hes h FULL JOIN lsoa_imd i ON i.lsoa01 = h.lsoa01;

CREATE OR REPLACE TABLE pct_population AS
WITH y AS (SELECT max(year) AS year FROM population WHERE year <= $year AND area_type = 'lsoa01')
SELECT l.pct_code, p.sex, least(90, p.age_lower)::INTEGER AS age_lower, sum(p.population) AS people
  FROM population p JOIN y ON p.year = y.year JOIN lsoa_pct l ON l.lsoa01 = p.area_code
 WHERE p.area_type = 'lsoa01' AND p.sex IN ('M', 'F') AND p.age_band <> 'all' AND l.pct_code IS NOT NULL
 GROUP BY ALL;

CREATE OR REPLACE TABLE area_population AS
SELECT pct_code AS area, sum(people) AS people FROM pct_population GROUP BY pct_code
UNION ALL SELECT 'ENG', sum(people) FROM pct_population;

CREATE OR REPLACE TABLE pct_peer AS
WITH s AS (
  SELECT l.pct_code, sum(l.score * p.people) / nullif(sum(p.people), 0) AS mean_imd
    FROM lsoa_pct l JOIN (SELECT area_code, sum(population) AS people FROM population
                           WHERE year = (SELECT max(year) FROM population WHERE year <= $year) AND sex IN ('M', 'F') GROUP BY area_code) p
      ON p.area_code = l.lsoa01
   WHERE l.pct_code IS NOT NULL GROUP BY l.pct_code
)
SELECT pct_code, mean_imd, ntile(5) OVER (ORDER BY mean_imd NULLS LAST) AS peer_group FROM s;
