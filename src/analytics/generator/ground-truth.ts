/**
 * Writes the PCT ground truth: the effects the generator applied (health multiplier and class, yearly
 * trend, deprivation gradient, elective, A&E 4-hour and DNA settings) with each PCT's small-area count
 * and mean IMD 2007 score, so tests and users can check that indicators find what was put in.
 */
import { CsvSink, type SinkSummary } from './csv-sink.js';
import type { PctEffect } from './pct-effects.js';
import type { ReferenceData } from './reference-data.js';

export const GROUND_TRUTH_PCT_COLUMNS = ['pct_code', 'pct_name', 'sha_code', 'lsoa_count', 'mean_imd2007', 'health_class', 'health_multiplier',
  'trend_class', 'trend_per_year', 'gradient_class', 'deprivation_gradient', 'elective_multiplier', 'ae_within_4h_share', 'dna_multiplier'];

export function writeGroundTruthPct(file: string, effects: PctEffect[], ref: ReferenceData): SinkSummary {
  const sink = new CsvSink(file, GROUND_TRUTH_PCT_COLUMNS.join(','));
  for (const e of effects) {
    const pct = ref.pcts.find((p) => p.code === e.pctCode)!;
    const areas = ref.areas.filter((a) => a.pctCode === e.pctCode);
    const imd = areas.reduce((s, a) => s + a.imd2007, 0) / areas.length;
    sink.row([e.pctCode, `"${pct.name}"`, e.shaCode, areas.length, imd.toFixed(2), e.healthClass, e.healthMultiplier.toFixed(4), e.trendClass,
      e.trendPerYear.toFixed(4), e.gradientClass, e.deprivationGradient.toFixed(3), e.electiveMultiplier.toFixed(4), e.aeWithin4hShare.toFixed(4),
      e.dnaMultiplier.toFixed(4)].join(','));
  }
  return sink.close();
}
