-- Opportunity sizing for the financial year [$from, $to): emergency admissions, ACSC emergency
-- admissions, emergency bed days and emergency cost, by programme (tariff) and in total, per PCT;
-- indirectly standardised for age (5-year bands) and sex against England; peers = each PCT's nearest
-- statistical neighbours (peers.ts); the opportunity is the excess over the lower quartile of the peers'
-- ratios, in activity and pounds. Needs tables events, event_conditions, pct_population (pct_code, sex,
-- age_lower, people) and pct_peers (pct_code, peer_code).
CREATE OR REPLACE TABLE opp_events AS
WITH e AS (
  SELECT e.person_id, e.pct_code, e.sex, least(90, floor(e.age / 5) * 5)::INTEGER AS age_lower, e.bed_days, e.cost,
         e.programme, e.event_date,
         EXISTS (SELECT 1 FROM event_conditions c WHERE c.person_id = e.person_id AND c.event_date = e.event_date
                   AND c.setting = 'apc' AND c.kind = 'emergency' AND c.pos = 1 AND c.grp_kind = 'acsc') AS acsc
    FROM events e
   WHERE e.setting = 'apc' AND e.kind = 'emergency' AND e.event_date >= $from::DATE AND e.event_date < $to::DATE
     AND e.sex IN ('M', 'F') AND e.age IS NOT NULL AND e.pct_code IN (SELECT pct_code FROM pct_peers)
)
SELECT pct_code, sex, age_lower, p.programme, m.measure, m.value
  FROM e, (SELECT unnest([e.programme, 'All programmes']) AS programme) p,
       (SELECT unnest(['emergency_admissions', 'acsc_admissions', 'emergency_bed_days', 'emergency_cost']) AS measure,
               unnest([1.0, e.acsc::INTEGER::DOUBLE, e.bed_days::DOUBLE, e.cost]) AS value) m;

CREATE OR REPLACE TABLE view_opportunity AS
WITH obs AS (
  SELECT pct_code, programme, measure, sum(value) AS observed FROM opp_events GROUP BY ALL
), eng_rate AS (
  SELECT o.programme, o.measure, o.sex, o.age_lower, sum(o.value) / any_value(pp.people) AS rate
    FROM opp_events o
    JOIN (SELECT sex, age_lower, sum(people) AS people FROM pct_population GROUP BY ALL) pp USING (sex, age_lower)
   GROUP BY ALL
), expected AS (
  SELECT p.pct_code, r.programme, r.measure, sum(r.rate * p.people) AS expected
    FROM pct_population p JOIN eng_rate r USING (sex, age_lower) GROUP BY ALL
), ratio AS (
  SELECT x.pct_code, x.programme, x.measure, coalesce(o.observed, 0) AS observed, x.expected,
         coalesce(o.observed, 0) / nullif(x.expected, 0) AS ratio,
         (SELECT sum(people) FROM pct_population q WHERE q.pct_code = x.pct_code) AS population
    FROM expected x LEFT JOIN obs o USING (pct_code, programme, measure)
   WHERE x.pct_code IN (SELECT pct_code FROM pct_peers)
), best AS (
  SELECT g.pct_code, r.programme, r.measure, quantile_cont(r.ratio, 0.25) AS best_quartile_ratio, count(*) AS peers
    FROM pct_peers g JOIN ratio r ON r.pct_code = g.peer_code GROUP BY ALL
), unit AS (
  SELECT pct_code, programme, sum(value) FILTER (measure = 'emergency_cost') / nullif(sum(value) FILTER (measure = 'emergency_admissions'), 0) AS cost_per_admission,
         sum(value) FILTER (measure = 'emergency_cost') / nullif(sum(value) FILTER (measure = 'emergency_bed_days'), 0) AS cost_per_bed_day
    FROM opp_events GROUP BY ALL
)
SELECT r.pct_code AS area, r.programme, r.measure, r.observed, r.expected, r.ratio, r.population, b.peers,
       b.best_quartile_ratio, greatest(0, r.observed - r.expected * b.best_quartile_ratio) AS gap,
       CASE r.measure
         WHEN 'emergency_cost' THEN greatest(0, r.observed - r.expected * b.best_quartile_ratio)
         WHEN 'emergency_bed_days' THEN greatest(0, r.observed - r.expected * b.best_quartile_ratio) * coalesce(u.cost_per_bed_day, 0)
         ELSE greatest(0, r.observed - r.expected * b.best_quartile_ratio) * coalesce(u.cost_per_admission, 0)
       END AS gap_pounds
  FROM ratio r JOIN best b USING (pct_code, programme, measure) LEFT JOIN unit u USING (pct_code, programme);
