-- National risk tiers without a national sort. The whole population is ranked by predicted risk p
-- (highest first): people known to services (table scored, one row each) and the no-contact strata
-- (table no_contact, `people` identical units each). Ties: known people before strata, then by
-- person_id / stratum key. Tier j holds the 0-based ranks [lo, hi) of tier_ranks (from tier_shares).
-- Exact in linear time: a histogram of p in buckets of width 1e-6 (column b = floor(p * 1e6)) gives
-- every bucket's rank range; a bucket inside one tier takes it whole, and only the few buckets that
-- straddle a tier boundary are ordered exactly. Strata straddling a boundary are split by count.
CREATE OR REPLACE TABLE risk_buckets AS
WITH h AS (
  SELECT b, sum(w)::BIGINT AS n
    FROM (SELECT b, 1 AS w FROM scored UNION ALL SELECT b, people AS w FROM no_contact) GROUP BY b
)
SELECT b, n, (sum(n) OVER (ORDER BY b DESC ROWS UNBOUNDED PRECEDING) - n)::BIGINT AS above FROM h;

CREATE OR REPLACE TABLE tier_ranks AS
WITH t AS (SELECT coalesce(sum(n), 0) AS total FROM risk_buckets)
SELECT s.tier, s.ord, ceil(t.total * s.cum_lo - 1e-6)::BIGINT AS lo,
       CASE WHEN s.cum_hi >= 1 - 1e-12 THEN t.total ELSE ceil(t.total * s.cum_hi - 1e-6)::BIGINT END AS hi
  FROM tier_shares s, t;

-- Each bucket: its tier when all its ranks fall in one tier, NULL when it straddles a boundary.
CREATE OR REPLACE TABLE bucket_tiers AS
SELECT k.b, k.above,
       CASE WHEN EXISTS (SELECT 1 FROM tier_ranks r WHERE r.lo > k.above AND r.lo < k.above + k.n) THEN NULL
            ELSE (SELECT r.tier FROM tier_ranks r WHERE r.lo <= k.above AND k.above < r.hi) END AS tier
  FROM risk_buckets k;

-- Exact ranks inside straddling buckets only.
CREATE OR REPLACE TABLE boundary_units AS
WITH u AS (
  SELECT s.b, 0 AS kind, s.person_id AS unit, s.p, 1::BIGINT AS w FROM scored s SEMI JOIN bucket_tiers t ON t.b = s.b AND t.tier IS NULL
  UNION ALL
  SELECT c.b, 1, c.stratum, c.p, c.people FROM no_contact c SEMI JOIN bucket_tiers t ON t.b = c.b AND t.tier IS NULL
)
SELECT u.kind, u.unit, u.w,
       (t.above + sum(u.w) OVER (PARTITION BY u.b ORDER BY u.p DESC, u.kind, u.unit ROWS UNBOUNDED PRECEDING) - u.w)::BIGINT AS start
  FROM u JOIN bucket_tiers t ON t.b = u.b;

CREATE OR REPLACE TABLE boundary_people AS
SELECT bu.unit AS person_id, r.tier FROM boundary_units bu JOIN tier_ranks r ON r.lo <= bu.start AND bu.start < r.hi WHERE bu.kind = 0;

CREATE OR REPLACE TABLE scores AS
SELECT s.* EXCLUDE (b), coalesce(t.tier, bp.tier) AS tier
  FROM scored s JOIN bucket_tiers t ON t.b = s.b LEFT JOIN boundary_people bp ON bp.person_id = s.person_id;

-- No-contact strata by tier (a stratum straddling a boundary becomes two rows).
CREATE OR REPLACE TABLE no_contact_tiers AS
SELECT c.* EXCLUDE (b, people), t.tier, c.people FROM no_contact c JOIN bucket_tiers t ON t.b = c.b WHERE t.tier IS NOT NULL
UNION ALL
SELECT c.* EXCLUDE (b, people), r.tier, least(bu.start + bu.w, r.hi) - greatest(bu.start, r.lo) AS people
  FROM no_contact c JOIN (SELECT unit, start, w FROM boundary_units WHERE kind = 1) bu ON bu.unit = c.stratum
  JOIN tier_ranks r ON r.lo < bu.start + bu.w AND bu.start < r.hi;
