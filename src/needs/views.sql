-- Aggregate views of the scored population, per PCT and for England, with no national sort: every
-- view is hash aggregates over one pass of `scores` (people known to services) and `no_contact_tiers`
-- (the rest of the population, by stratum: £0 cost, no activity), rolled up from PCT to England.

-- Pyramid: people, activity and cost by segment and risk tier.
CREATE OR REPLACE TABLE pyramid_pct AS
SELECT pct_code, segment, tier, count(*) AS people, count(*) AS known_people, sum(emergency_1y) AS emergency_admissions,
       sum(elective_1y) AS elective_admissions, sum(ae_1y) AS ae_attendances, sum(bed_days_1y) AS bed_days, sum(cost_1y) AS cost, sum(p) AS risk_sum
  FROM scores GROUP BY ALL
UNION ALL
SELECT pct_code, segment, tier, sum(people), 0, 0, 0, 0, 0, 0, sum(p * people) FROM no_contact_tiers GROUP BY ALL;

CREATE OR REPLACE TABLE view_pyramid AS
WITH a AS (
  SELECT pct_code AS area, * EXCLUDE (pct_code) FROM pyramid_pct WHERE pct_code IS NOT NULL
  UNION ALL
  SELECT 'ENG', * EXCLUDE (pct_code) FROM pyramid_pct
)
SELECT area, segment, tier, sum(people)::BIGINT AS people, sum(emergency_admissions)::BIGINT AS emergency_admissions,
       sum(elective_admissions)::BIGINT AS elective_admissions, sum(ae_attendances)::BIGINT AS ae_attendances, sum(bed_days) AS bed_days,
       sum(cost) AS cost, sum(risk_sum) / nullif(sum(people), 0) AS mean_risk
  FROM a GROUP BY ALL;

-- People known, people with no contact, whole population and cost per area.
CREATE OR REPLACE TABLE area_totals AS
WITH j AS (
  SELECT pct_code, sum(known_people) AS known, sum(people) - sum(known_people) AS no_contact, coalesce(sum(cost), 0) AS cost
    FROM pyramid_pct GROUP BY pct_code
)
SELECT pct_code AS area, known::BIGINT AS known, no_contact::BIGINT AS no_contact, (known + no_contact)::BIGINT AS population, cost
  FROM j WHERE pct_code IS NOT NULL
UNION ALL
SELECT 'ENG', sum(known)::BIGINT, sum(no_contact)::BIGINT, sum(known + no_contact)::BIGINT, coalesce(sum(cost), 0) FROM j;

-- Cost in the last 12 months in buckets of 0.1% relative width (b = floor(1000 ln cost); everyone at
-- £0 in one bucket), counted per PCT and rolled up to England: the ranks by cost without a sort.
CREATE OR REPLACE TABLE cost_buckets AS
WITH p AS (
  SELECT pct_code, CASE WHEN cost_1y > 0 THEN floor(1000 * ln(cost_1y))::INTEGER ELSE -1000000 END AS b,
         count(*) AS n, sum(cost_1y) AS cost, min(cost_1y) AS min_cost, max(cost_1y) AS max_cost
    FROM scores GROUP BY ALL
), a AS (
  SELECT pct_code AS area, b, n, cost, min_cost, max_cost FROM p WHERE pct_code IS NOT NULL
  UNION ALL
  SELECT 'ENG', b, sum(n), sum(cost), min(min_cost), max(max_cost) FROM p GROUP BY b
)
SELECT area, b, n, cost, min_cost, max_cost,
       sum(n) OVER (PARTITION BY area ORDER BY b DESC ROWS UNBOUNDED PRECEDING) - n AS n_above,
       coalesce(sum(cost) OVER (PARTITION BY area ORDER BY b DESC ROWS UNBOUNDED PRECEDING) - cost, 0) AS cost_above
  FROM a;

-- Cumulative cost share held by the costliest x% of the whole population (zero-cost and no-contact
-- people included). Within the bucket holding the k-th person the cost is taken pro rata (its mean),
-- so the share is exact when the bucket's costs are equal and otherwise within 0.1% of that bucket's
-- cost (at most 0.001 of the share).
CREATE OR REPLACE TABLE view_concentration AS
WITH pts AS (
  SELECT t.area, p.pct AS top_percent, least(t.known, ceil(t.population * p.pct / 100))::BIGINT AS k, t.population, t.known, t.cost
    FROM area_totals t CROSS JOIN (SELECT unnest([0.5, 1, 2, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]) AS pct) p
), at_k AS (
  SELECT pts.area, pts.top_percent, c.cost_above + (pts.k - c.n_above) * c.cost / c.n AS cum_cost
    FROM pts JOIN cost_buckets c ON c.area = pts.area AND c.n_above < pts.k AND pts.k <= c.n_above + c.n
)
SELECT pts.area, pts.top_percent, coalesce(at_k.cum_cost, 0) / nullif(pts.cost, 0) AS cost_share, pts.population, pts.known, pts.cost
  FROM pts LEFT JOIN at_k USING (area, top_percent);

-- The costliest 5% of each area's population (people with a cost): whole cost buckets above the cut,
-- and in the one bucket that holds the cut, people by cost then pseudonym (exact, deterministic).
CREATE OR REPLACE TABLE high_cost_cut AS
SELECT c.area, c.b, CASE WHEN c.n_above + c.n <= ceil(t.population * 0.05) THEN 'all' ELSE 'part' END AS status,
       ceil(t.population * 0.05)::BIGINT - c.n_above AS take
  FROM cost_buckets c JOIN area_totals t USING (area)
 WHERE c.b > -1000000 AND c.n_above < ceil(t.population * 0.05);

CREATE OR REPLACE TABLE high_cost_tagged AS
WITH s AS (
  SELECT person_id, pct_code, cost_1y, age, sex, ltc_count, emergency_1y, imd_quintile, p, segment,
         floor(1000 * ln(cost_1y))::INTEGER AS b
    FROM scores WHERE cost_1y > 0
)
SELECT s.*, s.pct_code AS area, c.status, c.take FROM s JOIN high_cost_cut c ON c.area = s.pct_code AND c.b = s.b
UNION ALL
SELECT s.*, 'ENG', c.status, c.take FROM s JOIN (SELECT * FROM high_cost_cut WHERE area = 'ENG') c ON c.b = s.b;

CREATE OR REPLACE TABLE high_cost_members AS
SELECT * EXCLUDE (status, take) FROM high_cost_tagged WHERE status = 'all'
UNION ALL
SELECT * EXCLUDE (status, take, r) FROM (
  SELECT *, row_number() OVER (PARTITION BY area ORDER BY cost_1y DESC, person_id) AS r FROM high_cost_tagged WHERE status = 'part'
) WHERE r <= take;

CREATE OR REPLACE TABLE view_high_cost AS
SELECT area, count(*) AS people, sum(cost_1y) AS cost, avg(age) AS mean_age,
       avg((sex = 'F')::INTEGER) AS share_female, avg((age >= 75)::INTEGER) AS share_75_plus,
       avg(ltc_count) AS mean_ltcs, avg((emergency_1y > 0)::INTEGER) AS share_emergency,
       avg((imd_quintile = 1)::INTEGER) AS share_most_deprived, avg(p) AS mean_risk,
       histogram(segment) AS segments
  FROM high_cost_members GROUP BY area;
