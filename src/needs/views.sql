-- Aggregate views of a scored population (table `scores`, one row per person known to services),
-- per PCT and for England. People with no recorded contact are counted from the population estimates
-- (table `area_population`: pct_code, people) and join the last segment and tier with zero cost.

-- Pyramid: people, activity and cost by segment and risk tier.
CREATE OR REPLACE TABLE view_pyramid AS
SELECT coalesce(pct_code, 'ENG') AS area, segment, tier,
       count(*) AS people, sum(emergency_1y) AS emergency_admissions, sum(elective_1y) AS elective_admissions,
       sum(ae_1y) AS ae_attendances, sum(bed_days_1y) AS bed_days, sum(cost_1y) AS cost, avg(p) AS mean_risk
  FROM scores GROUP BY GROUPING SETS ((pct_code, segment, tier), (segment, tier));

-- Cost per person in the last 12 months, ranked within each area; Lorenz points and top shares.
CREATE OR REPLACE TABLE cost_ranked AS
SELECT area, cost_1y, row_number() OVER (PARTITION BY area ORDER BY cost_1y DESC) AS rnk
  FROM (SELECT pct_code AS area, cost_1y FROM scores UNION ALL SELECT 'ENG', cost_1y FROM scores);

CREATE OR REPLACE TABLE area_totals AS
SELECT c.area, count(*) AS known, sum(c.cost_1y) AS cost,
       greatest(count(*), coalesce(max(ap.people), 0)) AS population
  FROM cost_ranked c LEFT JOIN area_population ap ON ap.area = c.area GROUP BY c.area;

-- Cumulative cost share held by the costliest x% of the whole population (zero-cost people included).
CREATE OR REPLACE TABLE view_concentration AS
WITH cum AS (
  SELECT area, rnk, sum(cost_1y) OVER (PARTITION BY area ORDER BY rnk ROWS UNBOUNDED PRECEDING) AS cum_cost FROM cost_ranked
), pts AS (
  SELECT t.area, p.pct AS top_percent, least(t.known, ceil(t.population * p.pct / 100))::BIGINT AS k, t.population, t.known, t.cost
    FROM area_totals t CROSS JOIN (SELECT unnest([0.5, 1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]) AS pct) p
)
SELECT pts.area, pts.top_percent, coalesce(cum.cum_cost, 0) / nullif(pts.cost, 0) AS cost_share, pts.population, pts.known, pts.cost
  FROM pts LEFT JOIN cum ON cum.area = pts.area AND cum.rnk = pts.k;

-- The costliest 5% of each area's population: who they are.
CREATE OR REPLACE TABLE view_high_cost AS
WITH ranked AS (
  SELECT s.*, row_number() OVER (PARTITION BY s.pct_code ORDER BY s.cost_1y DESC) AS r_pct,
         row_number() OVER (ORDER BY s.cost_1y DESC) AS r_eng
    FROM scores s WHERE s.cost_1y > 0
), tagged AS (
  SELECT r.*, r.pct_code AS area FROM ranked r JOIN area_totals t ON t.area = r.pct_code WHERE r.r_pct <= ceil(t.population * 0.05)
  UNION ALL
  SELECT r.*, 'ENG' FROM ranked r JOIN area_totals t ON t.area = 'ENG' WHERE r.r_eng <= ceil(t.population * 0.05)
)
SELECT area, count(*) AS people, sum(cost_1y) AS cost, avg(age) AS mean_age,
       avg((sex = 'F')::INTEGER) AS share_female, avg((age >= 75)::INTEGER) AS share_75_plus,
       avg(ltc_count) AS mean_ltcs, avg((emergency_1y > 0)::INTEGER) AS share_emergency,
       avg((imd_quintile = 1)::INTEGER) AS share_most_deprived, avg(p) AS mean_risk,
       histogram(segment) AS segments
  FROM tagged GROUP BY area;
