// Validation of the oversight section: metrics and their scoring, segment bands, override rules.
import type { Checker } from './checker.ts';
import { join } from './checker.ts';
import type {
  MetricScoring, OverrideCondition, OversightDomain, OversightMetric, OversightSection, Polarity, SegmentBand,
  SegmentOverride,
} from './framework.ts';

const SLUG = /^[a-z][a-z0-9-]*$/;
const POLARITIES: readonly Polarity[] = ['higher_is_better', 'lower_is_better'];

export function checkOversight(c: Checker, v: unknown, path: string): OversightSection {
  const o = c.object(v, path, ['bestScore', 'aggregation', 'segmentation', 'minimumMetrics', 'segments', 'overrides', 'domains']) ?? {};
  if (o.bestScore !== 1) c.fail(join(path, 'bestScore'), `only bestScore 1 (metric scores 1 best to 4 worst) is supported, found ${JSON.stringify(o.bestScore)}`);
  const ap = join(path, 'aggregation');
  const a = c.object(o.aggregation, ap, ['type', 'description']) ?? {};
  const aggregation = { type: c.oneOf(a.type, join(ap, 'type'), ['mean', 'weighted_mean'] as const, 'aggregation rule type'),
    description: c.optionalString(a.description, join(ap, 'description')) };
  const domains = c.array(o.domains, join(path, 'domains'), 1).map((d, i) => checkDomain(c, d, join(join(path, 'domains'), i)));
  const metrics = domains.flatMap((d) => d.metrics);
  c.unique(domains.map((d, i) => ({ id: d.id, path: `${path}.domains[${i}].id` })), 'domain');
  c.unique(domains.flatMap((d, i) => d.metrics.map((m, j) => ({ id: m.id, path: `${path}.domains[${i}].metrics[${j}].id` }))), 'metric');
  if (aggregation.type === 'weighted_mean') {
    metrics.forEach((m) => { if (m.weight === undefined) c.fail(join(path, 'domains'), `metric "${m.id}" has no weight, which weighted_mean needs`); });
    c.weightsSumToOne(metrics.map((m) => m.weight ?? 0), join(path, 'domains'), 'metric weights');
  } else if (metrics.some((m) => m.weight !== undefined)) {
    c.fail(ap, 'metric weights are given but the aggregation is an unweighted mean');
  }
  const minimumMetrics = c.integer(o.minimumMetrics, join(path, 'minimumMetrics'), 1, Math.max(1, metrics.length));
  const sp = join(path, 'segmentation');
  const sg = c.object(o.segmentation, sp, ['type', 'description']) ?? {};
  const segmentation = { type: c.oneOf(sg.type, join(sp, 'type'), ['score_bands', 'peer_quartile'] as const, 'segmentation rule type'),
    description: c.optionalString(sg.description, join(sp, 'description')) };
  const segments = checkSegments(c, o.segments, join(path, 'segments'), segmentation.type);
  const segmentNumbers = new Set(segments.map((s) => s.segment));
  const metricIds = new Set(metrics.map((m) => m.id));
  const overrides = (o.overrides === undefined ? [] : c.array(o.overrides, join(path, 'overrides')))
    .map((x, i) => checkOverride(c, x, join(join(path, 'overrides'), i), segmentNumbers, metricIds));
  c.unique(overrides.map((x, i) => ({ id: x.id, path: `${path}.overrides[${i}].id` })), 'override');
  return { bestScore: 1, aggregation, segmentation, minimumMetrics, segments, overrides, domains };
}

function checkDomain(c: Checker, v: unknown, p: string): OversightDomain {
  const o = c.object(v, p, ['id', 'title', 'metrics']) ?? {};
  const metrics = c.array(o.metrics, join(p, 'metrics'), 1).map((m, j): OversightMetric => {
    const mp = join(join(p, 'metrics'), j);
    const x = c.object(m, mp, ['id', 'title', 'polarity', 'scoring', 'weight']) ?? {};
    const polarity = c.oneOf(x.polarity, join(mp, 'polarity'), POLARITIES, 'polarity');
    return { id: c.string(x.id, join(mp, 'id'), SLUG, 'a lower-case id'), title: c.string(x.title, join(mp, 'title')), polarity,
      scoring: checkScoring(c, x.scoring, join(mp, 'scoring'), polarity),
      weight: x.weight === undefined ? undefined : c.number(x.weight, join(mp, 'weight'), 0, 1) };
  });
  return { id: c.string(o.id, join(p, 'id'), SLUG, 'a lower-case id'), title: c.string(o.title, join(p, 'title')), metrics };
}

function checkScoring(c: Checker, v: unknown, p: string, polarity: Polarity): MetricScoring {
  const type = c.oneOf((v as { type?: unknown } | null)?.type, join(p, 'type'), ['thresholds', 'peer_rank', 'peer_quartile'] as const, 'metric scoring rule type');
  if (type === 'peer_quartile' || type === 'peer_rank') {
    c.object(v, p, ['type']);
    return { type };
  }
  const o = c.object(v, p, ['type', 'cutPoints']) ?? {};
  const cp = c.array(o.cutPoints, join(p, 'cutPoints'), 3, 3).map((x, i) => c.number(x, join(join(p, 'cutPoints'), i)));
  const rising = polarity === 'lower_is_better';
  for (let i = 1; i < cp.length; i++) {
    if (rising ? !(cp[i] > cp[i - 1]) : !(cp[i] < cp[i - 1])) {
      c.fail(join(p, 'cutPoints'), `cut-points run from the score-1 bound to the score-3 bound, so for ${polarity} they must strictly ${rising ? 'rise' : 'fall'}`);
      break;
    }
  }
  return { type, cutPoints: [cp[0], cp[1], cp[2]] };
}

function checkSegments(c: Checker, v: unknown, p: string, rule: 'score_bands' | 'peer_quartile'): SegmentBand[] {
  const bands = c.array(v, p, 2).map((x, i): SegmentBand => {
    const bp = join(p, i);
    const o = c.object(x, bp, ['segment', 'label', 'maxMeanScore', 'assignedByOverrideOnly']) ?? {};
    if (o.segment !== i + 1) c.fail(join(bp, 'segment'), `segments must be numbered 1, 2, 3 … in order; expected ${i + 1}, found ${JSON.stringify(o.segment)}`);
    const byOverride = c.boolean(o.assignedByOverrideOnly, join(bp, 'assignedByOverrideOnly'), false);
    const band: SegmentBand = { segment: i + 1, label: c.string(o.label, join(bp, 'label')) };
    if (byOverride) {
      band.assignedByOverrideOnly = true;
      if (o.maxMeanScore !== undefined) c.fail(join(bp, 'maxMeanScore'), 'a segment assigned only by override has no score band');
    } else if (rule === 'score_bands') {
      band.maxMeanScore = c.number(o.maxMeanScore, join(bp, 'maxMeanScore'), 1, 4);
    } else if (o.maxMeanScore !== undefined) {
      c.fail(join(bp, 'maxMeanScore'), 'peer_quartile segmentation takes no score bands: the quartile of the mean score decides');
    }
    return band;
  });
  const scored = bands.filter((b) => !b.assignedByOverrideOnly);
  const firstOverrideOnly = bands.findIndex((b) => b.assignedByOverrideOnly);
  if (firstOverrideOnly >= 0 && bands.slice(firstOverrideOnly).some((b) => !b.assignedByOverrideOnly)) {
    c.fail(p, 'segments assigned only by override must come after the scored segments');
  }
  if (rule === 'peer_quartile') {
    if (scored.length !== 4) c.fail(p, `peer_quartile segmentation needs exactly 4 scored segments, found ${scored.length}`);
    return bands;
  }
  for (let i = 1; i < scored.length; i++) {
    if (!((scored[i].maxMeanScore ?? 0) > (scored[i - 1].maxMeanScore ?? 0))) {
      c.fail(join(join(p, i), 'maxMeanScore'), 'score bands must rise from segment to segment');
    }
  }
  const last = scored[scored.length - 1];
  if (last && last.maxMeanScore !== 4) c.fail(join(join(p, scored.length - 1), 'maxMeanScore'), 'the last scored segment must reach the worst mean score, 4');
  return bands;
}

function checkOverride(c: Checker, v: unknown, p: string, segments: Set<number>, metrics: Set<string>): SegmentOverride {
  const type = c.oneOf((v as { type?: unknown } | null)?.type, join(p, 'type'), ['cap', 'assign'] as const, 'override rule type');
  const o = c.object(v, p, ['id', 'type', 'segment', 'when', 'onlyFromSegments', 'description']) ?? {};
  const segment = c.integer(o.segment, join(p, 'segment'));
  if (!segments.has(segment)) c.fail(join(p, 'segment'), `segment ${segment} is not defined in segments`);
  const wp = join(p, 'when');
  const w = c.object(o.when, wp, ['flag', 'metric', 'scoreAtLeast']) ?? {};
  let when: OverrideCondition = { flag: '' };
  if (w.flag !== undefined && w.metric === undefined && w.scoreAtLeast === undefined) {
    when = { flag: c.string(w.flag, join(wp, 'flag'), SLUG, 'a lower-case flag name') };
  } else if (w.metric !== undefined && w.flag === undefined) {
    const metric = c.string(w.metric, join(wp, 'metric'));
    if (!metrics.has(metric)) c.fail(join(wp, 'metric'), `unknown metric "${metric}"`);
    when = { metric, scoreAtLeast: c.integer(w.scoreAtLeast, join(wp, 'scoreAtLeast'), 1, 4) };
  } else {
    c.fail(wp, 'must give either a flag, or a metric with scoreAtLeast');
  }
  const base = { id: c.string(o.id, join(p, 'id'), SLUG, 'a lower-case id'), segment, when, description: c.optionalString(o.description, join(p, 'description')) };
  if (type === 'cap') {
    if (o.onlyFromSegments !== undefined) c.fail(join(p, 'onlyFromSegments'), 'only an assign override takes onlyFromSegments');
    return { ...base, type };
  }
  const onlyFromSegments = o.onlyFromSegments === undefined ? undefined
    : c.array(o.onlyFromSegments, join(p, 'onlyFromSegments'), 1).map((s, i) => c.integer(s, join(join(p, 'onlyFromSegments'), i), 1));
  return { ...base, type, onlyFromSegments };
}
