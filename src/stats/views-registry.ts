/**
 * Sections 13–20 for the CLI (`wcc stats <name>`) and the API (`POST /api/stats/{name}`): a function from
 * parsed rows + options to output rows; names, input columns and options come from the shared method
 * table (run/methods.ts). Rows are one group's rows (run/view-runner.ts applies --group-by and --map).
 * Bad input throws StatsInputError naming the row (1-based within the rows given) and column.
 */
import { StatsInputError } from './confidence.ts';
import { parseNumberCell } from './run/cursor.ts';
import { METHOD_TABLE } from './run/methods.ts';
import type { StatsOptions } from './run/options.ts';
import {
  assignQuantiles, checkLevels, compareByConfidenceInterval, compareProportionBySpc, compareRateBySpc,
  judgeComparison, judgeQuantile, ragOfOutcome, type BenchmarkMethod, type Comparison, type Polarity,
} from './compare.ts';
import { calculateRecentTrend } from './trend.ts';
import { calculateXmr } from './spc.ts';
import { proposeStretchTargets, trajectoryMilestones, type GoodDirection, type TrajectoryShape } from './targets.ts';
import { estimateOverdispersion } from './overdispersion.ts';
import { calculateAgi } from './agi.ts';
import { findPeers } from './peers.ts';
import {
  cohensKappa, competencyLevel, rollUpRag, scoreMetric, segmentOrganisations,
  type KappaWeights, type LevelRule, type RagRating, type RagRule, type SegmentInput,
} from './scoring.ts';

type Cell = string | number | null;
type Row = Record<string, Cell>;
type ViewName = 'compare' | 'trend' | 'spc' | 'targets' | 'overdispersion' | 'agi' | 'peers' | 'kappa'
  | 'competency' | 'rag-rollup' | 'metric-score' | 'segments';

export interface StatsView {
  name: ViewName;
  description: string;
  /** input columns, as in the method table */
  columns: string;
  /** option keys (StatsOptions / API body properties) */
  options: readonly (keyof StatsOptions)[];
  run(rows: Row[], options: Record<string, unknown>): Row[];
}

/** Name, description, columns and options from the shared method table. */
function described(name: ViewName): Pick<StatsView, 'name' | 'description' | 'columns' | 'options'> {
  const m = METHOD_TABLE[name];
  return { name, description: m.summary, columns: m.columns, options: m.options };
}

function num(row: Row, col: string, i: number, required = true): number | null {
  const v = row[col];
  const x = v === null || v === undefined ? NaN : typeof v === 'number' ? v : parseNumberCell(v);
  if (x === undefined || (typeof v === 'number' && !Number.isFinite(v))) throw new StatsInputError(col, `${JSON.stringify(v)} is not a number`, i + 1);
  if (Number.isNaN(x)) {
    if (required) throw new StatsInputError(col, 'missing value', i + 1);
    return null;
  }
  return x;
}
const str = (row: Row, col: string): string | null => (row[col] == null || row[col] === '' ? null : String(row[col]));

function oneOf<T extends string>(value: unknown, allowed: readonly T[], name: string, fallback: T): T {
  if (value === undefined || value === null || value === '') return fallback;
  if (allowed.includes(value as T)) return value as T;
  throw new StatsInputError(null, `option ${name} must be one of ${allowed.join(', ')}, got "${String(value)}"`);
}
function optNum(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const x = Number(value);
  if (!Number.isFinite(x)) throw new StatsInputError(null, `option ${name} must be a number, got "${String(value)}"`);
  return x;
}
function levelsOf(value: unknown): number[] {
  const raw = value === undefined ? [0.95, 0.998] : Array.isArray(value) ? value.map(Number) : String(value).split(',').map(Number);
  try { return checkLevels(raw); } catch (e) { throw new StatsInputError(null, (e as Error).message); }
}
const suffix = (c: number) => (c * 100).toFixed(1).replace('.', '_');
const listOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : String(value ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
const POLARITIES: Polarity[] = ['high-is-good', 'low-is-good', 'no-judgement'];
const good = (p: unknown): GoodDirection => oneOf(p, ['high-is-good', 'low-is-good'] as const, 'polarity', 'high-is-good');

const compare: StatsView = {
  ...described('compare'),
  run(rows, o) {
    const method = oneOf<BenchmarkMethod>(o.method, ['confidence-interval', 'spc-proportion', 'spc-rate', 'quintiles', 'quartiles', 'not-compared'], 'method', 'confidence-interval');
    const polarity = oneOf(o.polarity, POLARITIES, 'polarity', 'no-judgement');
    if (method === 'quintiles' || method === 'quartiles') {
      const groups = method === 'quintiles' ? 5 : 4;
      const q = assignQuantiles(rows.map((r, i) => num(r, 'value', i, false)), groups);
      return rows.map((r, i) => {
        const outcome = judgeQuantile(q[i], groups, polarity);
        return { area_code: str(r, 'area_code'), quantile: q[i], comparison: null, outcome, rag: ragOfOutcome(outcome) };
      });
    }
    const levels = levelsOf(o.confidence);
    return rows.map((r, i) => {
      const codes = { areaCode: str(r, 'area_code'), benchmarkCode: str(r, 'benchmark_code') };
      let comparison: Comparison = 'not-compared';
      if (method === 'confidence-interval') {
        const intervals = levels.map((c) => (levels.length === 1
          ? { lower: num(r, 'lowercl', i, false) ?? num(r, `lower${suffix(c)}cl`, i, false), upper: num(r, 'uppercl', i, false) ?? num(r, `upper${suffix(c)}cl`, i, false) }
          : { lower: num(r, `lower${suffix(c)}cl`, i, false), upper: num(r, `upper${suffix(c)}cl`, i, false) }));
        comparison = compareByConfidenceInterval({ intervals, benchmark: num(r, 'benchmark', i, false), ...codes });
      } else if (method === 'spc-proportion') {
        comparison = compareProportionBySpc({ x: num(r, 'x', i) as number, n: num(r, 'n', i) as number, benchmarkProportion: num(r, 'benchmark', i) as number, levels, ...codes });
      } else if (method === 'spc-rate') {
        comparison = compareRateBySpc({ observed: num(r, 'observed', i) as number, expected: num(r, 'expected', i) as number, levels, ...codes });
      }
      const outcome = judgeComparison(comparison, polarity);
      return { area_code: codes.areaCode, comparison, outcome, rag: ragOfOutcome(outcome) };
    });
  },
};

const trend: StatsView = {
  ...described('trend'),
  run(rows, o) {
    const polarity = oneOf(o.polarity, POLARITIES, 'polarity', 'no-judgement');
    const points = rows.map((r, i) => ({
      value: num(r, 'value', i, false), lower95: num(r, 'lower95_0cl', i, false) ?? num(r, 'lowercl', i, false),
      upper95: num(r, 'upper95_0cl', i, false) ?? num(r, 'uppercl', i, false), period: num(r, 'period', i, false) ?? i,
    }));
    const t = calculateRecentTrend(points, polarity);
    return [{ direction: t.direction, marker: t.marker, slope: t.slope, slope_se: t.slopeSe, chi_square: t.chiSquare, points_used: t.pointsUsed, note: t.note }];
  },
};

const spc: StatsView = {
  ...described('spc'),
  run(rows, o) {
    const values = rows.map((r, i) => num(r, 'value', i) as number);
    const rebaseAt = rows.flatMap((r, i) => (i > 0 && num(r, 'rebase', i, false) === 1 ? [i] : []));
    const res = calculateXmr(values, {
      polarity: oneOf(o.polarity, POLARITIES, 'polarity', 'no-judgement'), target: optNum(o.target, 'target') ?? null,
      screenOutliers: o.screenOutliers === undefined ? true : o.screenOutliers === true || o.screenOutliers === 'true', rebaseAt,
    });
    return res.points.map((p) => ({
      index: p.index, value: p.value, segment: p.segment, moving_range: p.movingRange, mean: p.mean,
      lower_limit: p.lowerLimit, upper_limit: p.upperLimit, one_sigma: p.oneSigma, rules: p.rules.join(';'),
      point_type: p.pointType, variation: res.variation, assurance: res.assurance, note: res.warnings.join('; ') || null,
    }));
  },
};

const targets: StatsView = {
  ...described('targets'),
  run(rows, o) {
    const mode = oneOf(o.mode, ['trajectory', 'stretch'] as const, 'mode', 'trajectory');
    const baseline = optNum(o.baseline, 'baseline');
    const years = optNum(o.years, 'years') ?? 5;
    if (baseline === undefined) throw new StatsInputError(null, 'option baseline is required');
    if (mode === 'trajectory') {
      const target = optNum(o.target, 'target');
      if (target === undefined) throw new StatsInputError(null, 'option target is required for a trajectory');
      const shape = oneOf<TrajectoryShape>(o.shape, ['linear', 'constant-percentage'], 'shape', 'linear');
      return trajectoryMilestones(baseline, target, years, shape).map((milestone, year) => ({ year, milestone }));
    }
    const comparatorValues = rows.map((r, i) => num(r, 'value', i) as number);
    return proposeStretchTargets({ baseline, comparatorValues, polarity: good(o.polarity), years }).map((p) => ({
      basis: p.basis, target: p.target, annual_change: p.annualChangeLinear, annual_change_percent: p.annualChangePercent,
    }));
  },
};

const overdispersion: StatsView = {
  ...described('overdispersion'),
  run(rows, o) {
    const units = rows.map((r, i) => ({ y: num(r, 'value', i) as number, s: num(r, 'se', i) as number }));
    const levels = levelsOf(o.confidence);
    const res = estimateOverdispersion(units, { theta: optNum(o.theta, 'theta'), winsorise: optNum(o.winsorise, 'winsorise'), levels });
    return res.units.map((u, i) => {
      const row: Row = { ...rows[i], z: u.z, z_winsorised: u.zWinsorised, z_adjusted: u.zAdjusted };
      for (const l of u.limits) { row[`lower${suffix(l.level)}cl`] = l.lower; row[`upper${suffix(l.level)}cl`] = l.upper; }
      return { ...row, theta: res.theta, phi: res.phi, tau2: res.tau2 };
    });
  },
};

const agi: StatsView = {
  ...described('agi'),
  run(rows, o) {
    const areas = rows.map((r, i) => ({ nationalRank: num(r, 'national_rank', i) as number, population: num(r, 'population', i) as number, value: num(r, 'value', i) as number, se: num(r, 'se', i, false) }));
    const a = calculateAgi(areas, { multiplier: optNum(o.multiplier, 'multiplier'), repetitions: optNum(o.repetitions, 'repetitions'), confidence: optNum(Array.isArray(o.confidence) && o.confidence.length === 1 ? o.confidence[0] : o.confidence, 'confidence'), seed: optNum(o.seed, 'seed') });
    return [{ agi: a.agi, agi_lowercl: a.lowerCl, agi_uppercl: a.upperCl, rii: a.rii, rii_lowercl: a.riiLowerCl, rii_uppercl: a.riiUpperCl, intercept: a.intercept, areas: a.areas }];
  },
};

const peers: StatsView = {
  ...described('peers'),
  run(rows, o) {
    const variables = listOf(o.variables);
    const weightList = o.weights === undefined ? [] : (Array.isArray(o.weights) ? o.weights : String(o.weights).split(',')).map(Number);
    const weights = Object.fromEntries(weightList.map((w, j) => [variables[j], w]));
    const areas = rows.map((r, i) => ({
      code: str(r, 'code') ?? (() => { throw new StatsInputError('code', 'missing value', i + 1); })(),
      values: Object.fromEntries(variables.map((v) => [v, num(r, v, i) as number])),
    }));
    const area = String(o.area ?? '');
    return findPeers(areas, area, { variables, k: optNum(o.k, 'k') ?? 10, weights }).map((p) => ({
      area, peer: p.code, rank: p.rank, distance: p.distance,
      ...Object.fromEntries(variables.map((v) => [`contribution_${v}`, p.contributions[v]])),
    }));
  },
};

const kappa: StatsView = {
  ...described('kappa'),
  run(rows, o) {
    const pairs = rows.map((r, i) => {
      const a = str(r, 'rater_a'); const b = str(r, 'rater_b');
      if (a === null || b === null) throw new StatsInputError(a === null ? 'rater_a' : 'rater_b', 'missing value', i + 1);
      return [a, b] as [string, string];
    });
    const given = listOf(o.categories);
    const categories = given.length ? given : [...new Set(pairs.flat())].sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
    const k = cohensKappa(pairs, categories, oneOf<KappaWeights>(o.weights, ['none', 'linear', 'quadratic'], 'weights', 'none'));
    return [{ kappa: k.kappa, observed_agreement: k.observedAgreement, expected_agreement: k.expectedAgreement, n: k.n }];
  },
};

const competency: StatsView = {
  ...described('competency'),
  run(rows, o) {
    const levels = rows.map((r, i) => num(r, 'level', i) as number);
    return [{ level: competencyLevel(levels, oneOf<LevelRule>(o.rule, ['median', 'floor-of-mean', 'minimum'], 'rule', 'median')), sub_criteria: levels.length }];
  },
};

const ragRollup: StatsView = {
  ...described('rag-rollup'),
  run(rows, o) {
    const ratings = rows.map((r, i) => {
      const v = str(r, 'rating')?.toLowerCase();
      if (v !== 'red' && v !== 'amber' && v !== 'green') throw new StatsInputError('rating', v === undefined ? 'missing value' : `"${str(r, 'rating')}" is not red, amber or green`, i + 1);
      return v as RagRating;
    });
    return [{ rating: rollUpRag(ratings, oneOf<RagRule>(o.rule, ['any-red-all-green', 'worst'], 'rule', 'any-red-all-green')), sub_indicators: ratings.length }];
  },
};

function threeAscending(value: unknown, name: string): [number, number, number] {
  const xs = value === undefined ? [] : (Array.isArray(value) ? value : String(value).split(',')).map(Number);
  if (xs.length !== 3 || !xs.every(Number.isFinite)) throw new StatsInputError(null, `option ${name} needs three numbers`);
  return xs as [number, number, number];
}

const metricScore: StatsView = {
  ...described('metric-score'),
  run(rows, o) {
    const thresholds = threeAscending(o.thresholds, 'thresholds');
    const polarity = oneOf(o.polarity, ['high-is-good', 'low-is-good'] as const, 'polarity', 'high-is-good');
    return rows.map((r, i) => ({ ...r, score: scoreMetric(num(r, 'value', i) as number, thresholds, polarity) }));
  },
};

const TRUE_TEXT = /^(true|TRUE|T|1|yes)$/;
const segments: StatsView = {
  ...described('segments'),
  run(rows, o) {
    const cutPoints = threeAscending(o.cutPoints, 'cutPoints');
    const orgs = new Map<string, SegmentInput>();
    rows.forEach((r, i) => {
      const code = str(r, 'code');
      if (code === null) throw new StatsInputError('code', 'missing value', i + 1);
      const org = orgs.get(code) ?? { code, metricScores: [], financeCap: null, intensiveSupport: false };
      org.metricScores.push(num(r, 'score', i) as number);
      const cap = num(r, 'finance_cap', i, false);
      if (cap !== null) org.financeCap = cap;
      if (TRUE_TEXT.test(str(r, 'intensive_support') ?? '')) org.intensiveSupport = true;
      orgs.set(code, org);
    });
    return segmentOrganisations([...orgs.values()], cutPoints).map((s) => ({
      code: s.code, mean_score: s.meanScore, base_segment: s.baseSegment, segment: s.segment, overrides: s.overrides.join('; ') || null, rank: s.rank,
    }));
  },
};

export const statsViews: StatsView[] = [compare, trend, spc, targets, overdispersion, agi, peers, kappa, competency, ragRollup, metricScore, segments];
