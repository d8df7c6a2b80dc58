/** Options shared by the CLI and the API for every statistics method. */
export const STATS_METHODS = [
  'proportion', 'rate', 'mean', 'dsr', 'isratio', 'israte', 'life-expectancy', 'quantile', 'sii',
  'funnel-limits', 'funnel-significance', 'funnel-points',
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
  /** quantile */
  quantiles?: number;
  /** quantile: true/false, or the name of a column holding TRUE/FALSE per group */
  invert?: boolean | string;
  /** sii */
  valueType?: 0 | 1 | 2;
  transform?: boolean;
  rii?: boolean;
  repetitions?: number;
  seed?: number;
  /** funnels */
  statistic?: 'proportion' | 'ratio' | 'rate';
  ratioType?: 'count' | 'isr';
  rateType?: 'dsr' | 'crude';
  years?: number;
}

export function isStatsMethod(s: string): s is StatsMethod {
  return (STATS_METHODS as readonly string[]).includes(s);
}
