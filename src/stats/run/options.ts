/** Options shared by the CLI and the API for every statistics method. */
export const STATS_METHODS = [
  'proportion', 'rate', 'mean', 'dsr', 'isratio', 'israte', 'life-expectancy', 'quantile', 'sii',
  'funnel-limits', 'funnel-significance', 'funnel-points',
  // sections 13–20, run through views-registry.ts
  'compare', 'trend', 'spc', 'targets', 'overdispersion', 'agi', 'peers', 'kappa',
  'competency', 'rag-rollup', 'metric-score', 'segments',
] as const;
export type StatsMethod = (typeof STATS_METHODS)[number];

export interface StatsOptions {
  groupBy?: string[];
  /** levels as given (95, 99.8 or 0.95, 0.998) */
  confidence?: number[];
  multiplier?: number;
  /** canonical column name → column name in the input */
  map?: Record<string, string>;
  /** dsr */
  standard?: 'esp2013';
  nonIndependent?: boolean;
  /** isratio */
  refValue?: number;
  /** isratio, israte: observed totals per group (the group-by columns and the count column) */
  observedTotals?: Record<string, string | number | boolean | null>[];
  /** quantile */
  quantiles?: number;
  /** quantile: true/false, or the name of a column holding TRUE/FALSE per group */
  invert?: boolean | string;
  /** sii */
  valueType?: 0 | 1 | 2;
  transform?: boolean;
  rii?: boolean;
  intercept?: boolean;
  repetitions?: number;
  seed?: number;
  /** funnels */
  statistic?: 'proportion' | 'ratio' | 'rate';
  ratioType?: 'count' | 'isr';
  rateType?: 'dsr' | 'crude';
  years?: number;
  /** sections 13–20 (see methods.ts for which method takes which) */
  method?: 'confidence-interval' | 'spc-proportion' | 'spc-rate' | 'quintiles' | 'quartiles' | 'not-compared';
  polarity?: 'high-is-good' | 'low-is-good' | 'no-judgement';
  target?: number;
  screenOutliers?: boolean;
  mode?: 'trajectory' | 'stretch';
  baseline?: number;
  shape?: 'linear' | 'constant-percentage';
  theta?: number;
  winsorise?: number;
  area?: string;
  variables?: string[];
  k?: number;
  /** peers: a weight per variable; kappa: none, linear or quadratic */
  weights?: string | number[];
  categories?: string[];
  /** competency: median, floor-of-mean or minimum; rag-rollup: any-red-all-green or worst */
  rule?: string;
  /** metric-score: three ascending thresholds */
  thresholds?: number[];
  /** segments: three ascending cut-points of the mean score */
  cutPoints?: number[];
}

export function isStatsMethod(s: string): s is StatsMethod {
  return (STATS_METHODS as readonly string[]).includes(s);
}
