/**
 * The one table of `wcc stats` methods and options, shared by the CLI (flags, parsing, --help) and the
 * API (`POST /api/stats/{method}` body schema). Pure data: it loads no method code, so `wcc stats` starts
 * fast and every method added here is reachable from both.
 */
import type { StatsMethod, StatsOptions } from './options.ts';

export type OptionKind =
  | 'number' | 'integer' | 'string' | 'boolean' | 'negatable'
  | 'numbers' | 'list' | 'choice' | 'map' | 'invert' | 'file-rows' | 'text-or-numbers';

export interface OptionSpec {
  /** property in StatsOptions and in the API body */
  key: keyof StatsOptions;
  /** CLI flag, e.g. `--group-by <columns>` */
  flag: string;
  kind: OptionKind;
  help: string;
  choices?: readonly (string | number)[];
  min?: number;
  max?: number;
  /** number must be > min rather than ≥ min */
  exclusiveMin?: boolean;
}

export const STATS_OPTIONS: readonly OptionSpec[] = [
  { key: 'groupBy', flag: '--group-by <columns>', kind: 'list', help: 'comma-separated grouping columns (one result per group)' },
  { key: 'confidence', flag: '--confidence <levels>', kind: 'numbers', help: 'confidence level(s), e.g. 95 or 95,99.8' },
  { key: 'multiplier', flag: '--multiplier <n>', kind: 'number', help: 'multiplier (e.g. 100000 for per 100,000)' },
  { key: 'map', flag: '--map <pairs>', kind: 'map', help: 'column mapping col=source,… (method column = your column)' },
  { key: 'standard', flag: '--standard <name>', kind: 'choice', choices: ['esp2013'], help: 'dsr: built-in standard population matched on the ageband column' },
  { key: 'nonIndependent', flag: '--non-independent', kind: 'boolean', help: 'dsr: events are not independent (eventfreq and ageband columns)' },
  { key: 'refValue', flag: '--refvalue <n>', kind: 'number', help: 'isratio: reference value (1 or 100)' },
  { key: 'observedTotals', flag: '--observed-totals <file>', kind: 'file-rows', help: 'isratio/israte: CSV of observed totals per group (the --group-by columns and count), used instead of the count column' },
  { key: 'quantiles', flag: '--quantiles <n>', kind: 'integer', min: 1, help: 'quantile: number of quantiles (default 10)' },
  { key: 'invert', flag: '--invert <value>', kind: 'invert', help: 'quantile: true, false or a column holding TRUE/FALSE (default true)' },
  { key: 'valueType', flag: '--value-type <n>', kind: 'choice', choices: [0, 1, 2], help: 'sii: 0 other, 1 rate, 2 proportion' },
  { key: 'transform', flag: '--transform', kind: 'boolean', help: 'sii: regress on the log/logit scale' },
  { key: 'rii', flag: '--rii', kind: 'boolean', help: 'sii: also report the relative index of inequality' },
  { key: 'intercept', flag: '--intercept', kind: 'boolean', help: 'sii: also report the intercept' },
  { key: 'repetitions', flag: '--repetitions <n>', kind: 'integer', min: 10, max: 1_000_000, help: 'sii, agi: simulations for the confidence limits (default 100000)' },
  { key: 'seed', flag: '--seed <n>', kind: 'integer', help: 'sii, agi: random seed (default 1)' },
  { key: 'statistic', flag: '--statistic <name>', kind: 'choice', choices: ['proportion', 'ratio', 'rate'], help: 'funnels: proportion, ratio or rate' },
  { key: 'ratioType', flag: '--ratio-type <name>', kind: 'choice', choices: ['count', 'isr'], help: 'funnels: count or isr' },
  { key: 'rateType', flag: '--rate-type <name>', kind: 'choice', choices: ['dsr', 'crude'], help: 'funnels: dsr or crude' },
  { key: 'years', flag: '--years <n>', kind: 'number', min: 0, exclusiveMin: true, help: 'funnels: years of data (default 1); targets: years to the target (default 5)' },
  { key: 'method', flag: '--method <name>', kind: 'choice', choices: ['confidence-interval', 'spc-proportion', 'spc-rate', 'quintiles', 'quartiles', 'not-compared'], help: 'compare: comparison method (default confidence-interval)' },
  { key: 'polarity', flag: '--polarity <name>', kind: 'choice', choices: ['high-is-good', 'low-is-good', 'no-judgement'], help: 'compare, trend, spc, targets, metric-score: which direction is good (default no-judgement; targets and metric-score high-is-good)' },
  { key: 'target', flag: '--target <n>', kind: 'number', help: 'spc: target for the assurance icon; targets: the trajectory\'s end value' },
  { key: 'screenOutliers', flag: '--no-screen-outliers', kind: 'negatable', help: 'spc: keep moving ranges above 3.267·mean(MR) when averaging' },
  { key: 'mode', flag: '--mode <name>', kind: 'choice', choices: ['trajectory', 'stretch'], help: 'targets: trajectory or stretch (default trajectory)' },
  { key: 'baseline', flag: '--baseline <n>', kind: 'number', help: 'targets: baseline value (required)' },
  { key: 'shape', flag: '--shape <name>', kind: 'choice', choices: ['linear', 'constant-percentage'], help: 'targets: trajectory shape (default linear)' },
  { key: 'theta', flag: '--theta <n>', kind: 'number', help: 'overdispersion: target value (default the inverse-variance weighted mean)' },
  { key: 'winsorise', flag: '--winsorise <p>', kind: 'number', help: 'overdispersion: winsorising fraction (default 0.1)' },
  { key: 'area', flag: '--area <code>', kind: 'string', help: 'peers: the area whose peers are wanted' },
  { key: 'variables', flag: '--variables <columns>', kind: 'list', help: 'peers: comma-separated variable columns' },
  { key: 'k', flag: '--k <n>', kind: 'integer', min: 1, help: 'peers: number of peers (default 10)' },
  { key: 'weights', flag: '--weights <w>', kind: 'text-or-numbers', help: 'peers: a weight per variable (e.g. 1,1,2); kappa: none, linear or quadratic' },
  { key: 'rule', flag: '--rule <name>', kind: 'string', help: 'competency: median, floor-of-mean or minimum (default median); rag-rollup: any-red-all-green or worst (default any-red-all-green)' },
  { key: 'thresholds', flag: '--thresholds <t1,t2,t3>', kind: 'numbers', help: 'metric-score: three ascending thresholds' },
  { key: 'cutPoints', flag: '--cut-points <c1,c2,c3>', kind: 'numbers', help: 'segments: three ascending cut-points of the mean metric score' },
  { key: 'categories', flag: '--categories <list>', kind: 'list', help: 'kappa: ordered categories (default: those seen, sorted)' },
];

export interface MethodSpec {
  summary: string;
  /** input columns, as shown in --help */
  columns: string;
  /** columns that must be in the header (after --map) */
  required?: readonly string[];
  /** options beyond --group-by and --map, which every method takes */
  options: readonly (keyof StatsOptions)[];
  /** sections 13–20: run through the rows-in, rows-out registry (views-registry.ts) */
  view?: boolean;
}

export const METHOD_TABLE: Record<StatsMethod, MethodSpec> = {
  proportion: { summary: 'proportion with Wilson limits', columns: 'x, n', options: ['confidence', 'multiplier'] },
  rate: { summary: 'crude rate with exact (x < 10) or Byar\'s limits', columns: 'x, n', options: ['confidence', 'multiplier'] },
  mean: { summary: 'mean with Student\'s t limits', columns: 'x', options: ['confidence'] },
  dsr: { summary: 'directly standardised rate with Dobson limits', columns: 'count, pop, stdpop (or --standard esp2013 with ageband); eventfreq with --non-independent', options: ['confidence', 'multiplier', 'standard', 'nonIndependent'] },
  isratio: { summary: 'indirectly standardised ratio', columns: 'count, pop, refcount, refpop (one row per band)', options: ['confidence', 'refValue', 'observedTotals'] },
  israte: { summary: 'indirectly standardised rate', columns: 'count, pop, refcount, refpop (one row per band)', options: ['confidence', 'multiplier', 'observedTotals'] },
  'life-expectancy': { summary: 'abridged life table (Chiang II) with Silcocks limits', columns: 'startage, deaths, pops', options: ['confidence'] },
  quantile: { summary: 'deprivation-style quantile assignment', columns: 'value', options: ['quantiles', 'invert'] },
  sii: { summary: 'slope and relative index of inequality', columns: 'quantile, population, value (or x), and se or lower_cl, upper_cl', options: ['confidence', 'multiplier', 'valueType', 'transform', 'rii', 'intercept', 'repetitions', 'seed'] },
  'funnel-limits': { summary: 'funnel-plot control limits (100 rows)', columns: 'numerator, denominator or rate', options: ['multiplier', 'statistic', 'ratioType', 'rateType', 'years'] },
  'funnel-significance': { summary: 'funnel-plot significance of each row', columns: 'numerator, denominator or rate', options: ['multiplier', 'statistic', 'ratioType', 'rateType', 'years'] },
  'funnel-points': { summary: 'funnel-plot points for rates', columns: 'numerator, rate (and denominator for crude)', options: ['multiplier', 'rateType', 'years'] },
  compare: { view: true, summary: 'benchmark comparison (RAG) at one or two levels, SPC variants or quintiles/quartiles', columns: 'area_code, benchmark_code, value, lower95_0cl… (or lowercl, uppercl), benchmark; spc-proportion: x, n; spc-rate: observed, expected', options: ['method', 'polarity', 'confidence'] },
  trend: { view: true, summary: 'recent-trend marker over the last five points (rows oldest first)', columns: 'period, value, lower95_0cl, upper95_0cl (or lowercl, uppercl)', required: ['value'], options: ['polarity'] },
  spc: { view: true, summary: 'XmR chart, Making Data Count rules, variation and target assurance (rows in time order)', columns: 'value, rebase (1 starts a new segment)', required: ['value'], options: ['polarity', 'target', 'screenOutliers'] },
  targets: { view: true, summary: 'trajectory milestones, or stretch targets from comparator values', columns: 'value (comparators, stretch mode)', options: ['mode', 'baseline', 'target', 'years', 'shape', 'polarity'] },
  overdispersion: { view: true, summary: 'Spiegelhalter overdispersion: z scores, phi, tau2 and widened limits', columns: 'value, se', required: ['value', 'se'], options: ['theta', 'winsorise', 'confidence'] },
  agi: { view: true, summary: 'absolute gradient index on national deprivation positions', columns: 'national_rank (0 most deprived … 1), population, value, se', required: ['national_rank', 'population', 'value'], options: ['multiplier', 'repetitions', 'confidence', 'seed'] },
  peers: { view: true, summary: 'statistical peers: k nearest areas by standardised distance', columns: 'code and the --variables columns', required: ['code'], options: ['area', 'variables', 'k', 'weights'] },
  competency: { view: true, summary: 'competency level 1–4 from its sub-criterion levels', columns: 'level (one row per sub-criterion)', required: ['level'], options: ['rule'] },
  'rag-rollup': { view: true, summary: 'area R/A/G from sub-indicator ratings', columns: 'rating (red, amber or green; one row per sub-indicator)', required: ['rating'], options: ['rule'] },
  'metric-score': { view: true, summary: 'oversight metric score 1 (best) … 4 against three thresholds', columns: 'value', required: ['value'], options: ['thresholds', 'polarity'] },
  segments: { view: true, summary: 'oversight segments 1–5 and league table from metric scores, with finance cap and intensive support overrides', columns: 'code, score (one row per organisation and metric), finance_cap, intensive_support (TRUE/FALSE)', required: ['code', 'score'], options: ['cutPoints'] },
  kappa: { view: true, summary: 'Cohen\'s kappa for two raters', columns: 'rater_a, rater_b', required: ['rater_a', 'rater_b'], options: ['categories', 'weights'] },
};

export function optionSpec(key: keyof StatsOptions): OptionSpec {
  const spec = STATS_OPTIONS.find((o) => o.key === key);
  if (!spec) throw new Error(`no option ${String(key)}`);
  return spec;
}

/** The CLI flag name alone: `--group-by <columns>` → `--group-by`; `--no-x` → `--x`'s negation stays. */
export function flagName(spec: OptionSpec): string {
  return spec.flag.split(' ')[0];
}

/** The text `wcc stats --help` shows after the options: every method, its columns and options. */
export function methodsHelp(): string {
  const lines = ['', 'Methods (input columns; options besides --group-by and --map):'];
  for (const [name, m] of Object.entries(METHOD_TABLE) as [StatsMethod, MethodSpec][]) {
    lines.push(`  ${name.padEnd(20)}${m.summary}`);
    lines.push(`  ${''.padEnd(20)}columns: ${m.columns}`);
    lines.push(`  ${''.padEnd(20)}options: ${m.options.map((k) => flagName(optionSpec(k))).join(' ') || '(none)'}`);
  }
  lines.push('', 'Bad input stops with "FILE, row N, column "c": reason" on stderr and exit code 2; nothing is written.');
  return lines.join('\n') + '\n';
}
