// Public API of src/stats. Other features import statistics only from here.

// ---- Sections 1–12 and numerical building blocks ----
export { normalQuantile, normalCdf, tQuantile, chiSquareQuantile, chiSquareUpperQuantile, poissonLowerTail, poissonUpperTail, normaliseConfidence, twoSidedZ } from './distributions.ts';
export { StatsInputError, parseLevels, parseLevelsOneOrPair, ciColumns, levelSuffix } from './confidence.ts';
export { byarsLower, byarsUpper, exactLower, exactUpper, wilsonLower, wilsonUpper, poissonLimits } from './intervals.ts';
export { proportion, crudeRate, type Estimate } from './proportion.ts';
export { MeanAccumulator } from './mean.ts';
export { dsrFromSums, addDsrBand, emptyDsrSums, NonIndependentDsr, DSR_SUPPRESSION_NOTE, type DsrSums, type DsrResult } from './dsr.ts';
export { ESP2013, ESP2013_BANDS, esp2013BandIndex } from './esp2013.ts';
export { isRatio, isRate, addIsrBand, emptyIsrSums, type IsrSums, type IsrResult } from './isr.ts';
export { lifeTable, lifeTableProblem, LE_START_AGES, type LifeBand, type LifeTableRow } from './life-expectancy.ts';
export { assignQuantiles } from './quantile.ts';
export { slopeIndex, relativeRanks, weightedFit, roundHalfEven, type SiiQuantile, type SiiOptions, type SiiResult } from './sii.ts';
export { SeededRandom } from './rng.ts';
export { funnelLimits, funnelSignificance, funnelPoint, funnelDenominator, proportionLimits, poissonFunnel, type FunnelOptions, type FunnelRow, type FunnelLimitRow, type Significance } from './funnel.ts';
export { STATS_METHODS, isStatsMethod, type StatsMethod, type StatsOptions } from './run/options.ts';
export { runStatsOnRows } from './run/run-rows.ts';
export { statsRoutes } from './routes.ts';

// ---- Sections 13–20 (comparison, trend, SPC, targets, overdispersion, AGI, peers, scoring) ----
// The sections 13–20 engineer adds their exports below this line.
