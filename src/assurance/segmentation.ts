// Oversight-style segmentation (NHS Oversight Framework 2025/26 pattern): each metric scored 1 (best) to 4,
// the mean score gives a segment by the framework's bands, then override rules apply in order.
import type { OverrideCondition, OversightFramework, OversightMetric } from './framework.ts';
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

/** Quartile of rank among the values given (rank 1 = best; ties share the better rank): score ⌈4·rank/n⌉. */
export function scoreByPeerQuartile(metric: OversightMetric, values: Map<string, number>): Map<string, number> {
  const entries = [...values.entries()];
  const n = entries.length;
  const sign = metric.polarity === 'higher_is_better' ? -1 : 1;
  const sorted = entries.map(([, v]) => sign * v).sort((a, b) => a - b);
  const out = new Map<string, number>();
  for (const [org, v] of entries) {
    const rank = sorted.findIndex((x) => x >= sign * v - EPS) + 1;
    out.set(org, Math.min(4, Math.max(1, Math.ceil((4 * rank) / n))));
  }
  return out;
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
      : new Map([...present].map(([org, v]) => [org, scoreByThresholds(m, v)]));
    for (const [org, s] of scored) (scores.get(org) as Record<string, number>)[m.id] = s;
  }
  return trusts.map((t) => {
    const metricScores = scores.get(t.orgCode) as Record<string, number>;
    const used = metrics.filter((m) => metricScores[m.id] !== undefined);
    const reasons: string[] = [];
    if (used.length < o.minimumMetrics) {
      reasons.push(`only ${used.length} of the ${o.minimumMetrics} metrics needed have values, so no segment is given`);
      return { orgCode: t.orgCode, name: t.name, metricScores, meanScore: null, scoreSegment: null, segment: null, overridesApplied: [], reasons };
    }
    const meanScore = o.aggregation.type === 'weighted_mean'
      ? used.reduce((s, m) => s + (m.weight ?? 0) * metricScores[m.id], 0) / used.reduce((s, m) => s + (m.weight ?? 0), 0)
      : used.reduce((s, m) => s + metricScores[m.id], 0) / used.length;
    const band = o.segments.find((b) => !b.assignedByOverrideOnly && meanScore <= (b.maxMeanScore ?? 4) + EPS);
    const scoreSegment = band ? band.segment : null;
    reasons.push(`mean of ${used.length} metric scores is ${meanScore.toFixed(2)}, which falls in segment ${scoreSegment}`);
    let segment = scoreSegment as number;
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
