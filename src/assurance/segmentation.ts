// Oversight-style segmentation (NHS Oversight Framework pattern): each metric scored 1 (best) to 4, the
// mean score gives a segment — by quartile among the trusts (2025/26) or by fixed bands (2026/27) — then
// override rules apply in order.
import type { OverrideCondition, OversightFramework, OversightMetric, Polarity, SegmentBand } from './framework.ts';
import { allMetrics } from './framework.ts';

const EPS = 1e-9;

export interface TrustInput {
  orgCode: string;
  name?: string;
  values: Record<string, number | null | undefined>;  // metric id → value
  flags: string[];                                     // e.g. "in-deficit", "intensive-support-programme"
}

export interface SegmentResult {
  orgCode: string;
  name?: string;
  metricScores: Record<string, number>;   // only metrics with a value
  meanScore: number | null;
  scoreSegment: number | null;            // from the mean alone
  segment: number | null;                 // after overrides; null when too few metrics
  overridesApplied: string[];
  reasons: string[];
}

/** Scores one metric value by fixed thresholds (peer_quartile needs the whole set: see scoreByPeerQuartile). */
export function scoreByThresholds(metric: OversightMetric, value: number): number {
  if (metric.scoring.type !== 'thresholds') throw new RangeError(`metric ${metric.id} is not scored by thresholds`);
  const better = (v: number, bound: number) => metric.polarity === 'higher_is_better' ? v >= bound - EPS : v <= bound + EPS;
  const i = metric.scoring.cutPoints.findIndex((bound) => better(value, bound));
  return i === -1 ? 4 : i + 1;
}

/** Rank of each value, 1 = best under the polarity; equal values share the better rank. */
export function ranks(values: Map<string, number>, polarity: Polarity): Map<string, { rank: number; n: number }> {
  const entries = [...values.entries()];
  const sign = polarity === 'higher_is_better' ? -1 : 1;
  const sorted = entries.map(([, v]) => sign * v).sort((a, b) => a - b);
  return new Map(entries.map(([org, v]) => [org, { rank: sorted.findIndex((x) => x >= sign * v - EPS) + 1, n: entries.length }]));
}

/** Quartile of rank among the values given: score ⌈4·rank/n⌉, 1 to 4. */
export function scoreByPeerQuartile(metric: Pick<OversightMetric, 'polarity'>, values: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [org, { rank, n }] of ranks(values, metric.polarity)) out.set(org, quartile(rank, n));
  return out;
}

/** Continuous score by rank among the values given: 1 + 3·(rank − 1)/(n − 1), from 1.00 (best) to 4.00. */
export function scoreByPeerRank(metric: Pick<OversightMetric, 'polarity'>, values: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [org, { rank, n }] of ranks(values, metric.polarity)) out.set(org, n === 1 ? 1 : 1 + (3 * (rank - 1)) / (n - 1));
  return out;
}

function quartile(rank: number, n: number): number {
  return Math.min(4, Math.max(1, Math.ceil((4 * rank) / n - EPS)));
}

/** The segment a mean score falls in under fixed bands (a band includes its upper bound). */
export function segmentByBands(bands: SegmentBand[], mean: number): number | null {
  return bands.find((b) => !b.assignedByOverrideOnly && mean <= (b.maxMeanScore ?? 4) + EPS)?.segment ?? null;
}

export function segmentTrusts(f: OversightFramework, trusts: TrustInput[]): SegmentResult[] {
  const o = f.oversight;
  const metrics = allMetrics(f);
  const scores = new Map<string, Record<string, number>>(trusts.map((t) => [t.orgCode, {}]));
  for (const m of metrics) {
    const present = new Map<string, number>();
    for (const t of trusts) {
      const v = t.values[m.id];
      if (typeof v === 'number' && Number.isFinite(v)) present.set(t.orgCode, v);
    }
    const scored = m.scoring.type === 'peer_quartile' ? scoreByPeerQuartile(m, present)
      : m.scoring.type === 'peer_rank' ? scoreByPeerRank(m, present)
        : new Map([...present].map(([org, v]) => [org, scoreByThresholds(m, v)]));
    for (const [org, s] of scored) (scores.get(org) as Record<string, number>)[m.id] = s;
  }
  const means = new Map<string, { mean: number; used: number } | { mean: null; used: number }>();
  for (const t of trusts) {
    const ms = scores.get(t.orgCode) as Record<string, number>;
    const used = metrics.filter((m) => ms[m.id] !== undefined);
    if (used.length < o.minimumMetrics) { means.set(t.orgCode, { mean: null, used: used.length }); continue; }
    const mean = o.aggregation.type === 'weighted_mean'
      ? used.reduce((s, m) => s + (m.weight ?? 0) * ms[m.id], 0) / used.reduce((s, m) => s + (m.weight ?? 0), 0)
      : used.reduce((s, m) => s + ms[m.id], 0) / used.length;
    means.set(t.orgCode, { mean, used: used.length });
  }
  const meanValues = new Map([...means].filter(([, x]) => x.mean !== null).map(([org, x]) => [org, x.mean as number]));
  const meanRanks = ranks(meanValues, 'lower_is_better');

  return trusts.map((t) => {
    const metricScores = scores.get(t.orgCode) as Record<string, number>;
    const { mean: meanScore, used } = means.get(t.orgCode) as { mean: number | null; used: number };
    const reasons: string[] = [];
    if (meanScore === null) {
      reasons.push(`only ${used} of the ${o.minimumMetrics} metrics needed have values, so no segment is given`);
      return { orgCode: t.orgCode, name: t.name, metricScores, meanScore: null, scoreSegment: null, segment: null, overridesApplied: [], reasons };
    }
    let scoreSegment: number;
    if (o.segmentation.type === 'peer_quartile') {
      const { rank, n } = meanRanks.get(t.orgCode) as { rank: number; n: number };
      scoreSegment = quartile(rank, n);
      reasons.push(`average of ${used} metric scores is ${meanScore.toFixed(2)}, ranked ${rank} of ${n}: quartile ${scoreSegment}`);
    } else {
      scoreSegment = segmentByBands(o.segments, meanScore) as number;
      reasons.push(`average of ${used} metric scores is ${meanScore.toFixed(2)}, which falls in segment ${scoreSegment}`);
    }
    let segment = scoreSegment;
    const overridesApplied: string[] = [];
    for (const rule of o.overrides) {
      if (!conditionMet(rule.when, t, metricScores)) continue;
      if (rule.type === 'cap' && segment < rule.segment) {
        reasons.push(`${rule.id}: segment ${segment} capped at ${rule.segment}${rule.description ? ` (${rule.description})` : ''}`);
        segment = rule.segment;
        overridesApplied.push(rule.id);
      } else if (rule.type === 'assign' && segment !== rule.segment
        && (!rule.onlyFromSegments || rule.onlyFromSegments.includes(segment))) {
        reasons.push(`${rule.id}: moved from segment ${segment} to ${rule.segment}${rule.description ? ` (${rule.description})` : ''}`);
        segment = rule.segment;
        overridesApplied.push(rule.id);
      }
    }
    return { orgCode: t.orgCode, name: t.name, metricScores, meanScore, scoreSegment, segment, overridesApplied, reasons };
  });
}

function conditionMet(c: OverrideCondition, t: TrustInput, scores: Record<string, number>): boolean {
  if ('flag' in c) return t.flags.includes(c.flag);
  const s = scores[c.metric];
  return s !== undefined && s >= c.scoreAtLeast;
}
