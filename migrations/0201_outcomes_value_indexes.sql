-- Reads of the outcomes views: every area of a type in a period (profile spine, heatmap, compare) and
-- the list of periods (a loose index scan). An additive index on the engine's indicator_values table.
CREATE INDEX indicator_values_type_period ON indicator_values (area_type, period, breakdown, indicator_id)
  INCLUDE (area_code, value);
