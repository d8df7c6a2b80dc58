// Turns the DuckDB view tables into one JSON document per area (each PCT and England): the whole
// population (people known to services and the no-contact strata, already in the pyramid with their
// own scores, segments and tiers), suppressing counts below 5 (and what could reveal them).
import type { Duck } from '../analytics/duckdb.ts';
import type { SegmentationConfig } from './segments.ts';

export const SUPPRESS_BELOW = 5;

export interface PyramidCell {
  segment: string; tier: string; people: number | null; emergencyAdmissions: number | null; electiveAdmissions: number | null;
  aeAttendances: number | null; bedDays: number | null; cost: number | null; meanRisk: number | null; suppressed: boolean;
}
export interface OpportunityRow {
  programme: string; measure: string; observed: number | null; expected: number; ratio: number | null; bestQuartileRatio: number | null;
  peers: number; gap: number | null; gapPounds: number | null; suppressed: boolean;
}
export interface AreaViews {
  area: string; scoreYear: string; costYear: string; population: number; knownPeople: number; noContactPeople: number;
  pyramid: PyramidCell[];
  concentration: { points: { topPercent: number; costShare: number }[]; top1: number | null; top5: number | null; top20: number | null; totalCost: number };
  highCost: { people: number | null; cost: number | null; meanAge: number | null; shareFemale: number | null; share75Plus: number | null; meanLtcs: number | null;
    shareEmergency: number | null; shareMostDeprived: number | null; meanRisk: number | null; segments: { segment: string; people: number | null }[]; suppressed: boolean };
  opportunity: OpportunityRow[];
  /** The PCT's statistical peers for the opportunity (nearest first); empty for England. */
  opportunityPeers: { code: string; distance: number }[];
}

const small = (n: number | null | undefined): boolean => n !== null && n !== undefined && n > 0 && n < SUPPRESS_BELOW;
const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

export async function readAreaViews(duck: Duck, seg: SegmentationConfig, scoreYear: string, costYear: string): Promise<AreaViews[]> {
  const totals = await duck.all<{ area: string; population: number; known: number; no_contact: number; cost: number }>('SELECT area, population, known, no_contact, cost FROM area_totals');
  const peerRows = await duck.all<{ pct_code: string; peer_code: string; distance: number }>('SELECT pct_code, peer_code, distance FROM pct_peers ORDER BY pct_code, rank');
  const pyramid = await duck.all<Record<string, unknown>>('SELECT * FROM view_pyramid');
  const conc = await duck.all<{ area: string; top_percent: number; cost_share: number | null }>('SELECT area, top_percent, cost_share FROM view_concentration ORDER BY area, top_percent');
  const high = await duck.all<Record<string, unknown>>('SELECT * EXCLUDE (segments), map_entries(segments) AS segments FROM view_high_cost');
  const opp = await duck.all<Record<string, unknown>>('SELECT * FROM view_opportunity ORDER BY area, programme, measure');
  return totals.map((t) => {
    const noContact = num(t.no_contact);
    const cells = new Map<string, Record<string, unknown>>();
    for (const r of pyramid.filter((r) => r.area === t.area)) cells.set(`${r.segment}|${r.tier}`, r);
    const grid: PyramidCell[] = [];
    for (const s of seg.segments) {
      for (const tier of seg.tiers) {
        const r = cells.get(`${s.id}|${tier.id}`);
        const people = num(r?.people);
        const hide = small(people);
        grid.push({
          segment: s.id, tier: tier.id, suppressed: hide,
          people: hide ? null : people,
          emergencyAdmissions: hide || small(num(r?.emergency_admissions)) ? null : num(r?.emergency_admissions),
          electiveAdmissions: hide || small(num(r?.elective_admissions)) ? null : num(r?.elective_admissions),
          aeAttendances: hide || small(num(r?.ae_attendances)) ? null : num(r?.ae_attendances),
          bedDays: hide ? null : num(r?.bed_days), cost: hide ? null : num(r?.cost),
          meanRisk: hide || !r ? null : num(r.mean_risk),
        });
      }
    }
    const points = conc.filter((c) => c.area === t.area).map((c) => ({ topPercent: c.top_percent, costShare: num(c.cost_share) }));
    const share = (p: number) => points.find((x) => x.topPercent === p)?.costShare ?? null;
    const h = high.find((r) => r.area === t.area);
    const hPeople = h ? num(h.people) : 0;
    const hHide = hPeople < SUPPRESS_BELOW;
    const opportunity = opp.filter((r) => r.area === t.area).map((r): OpportunityRow => {
      const countMeasure = r.measure === 'emergency_admissions' || r.measure === 'acsc_admissions';
      const hide = countMeasure && small(num(r.observed));
      return {
        programme: String(r.programme), measure: String(r.measure), suppressed: hide,
        observed: hide ? null : num(r.observed), expected: num(r.expected), ratio: hide || r.ratio === null ? null : num(r.ratio),
        bestQuartileRatio: r.best_quartile_ratio === null ? null : num(r.best_quartile_ratio), peers: num(r.peers),
        gap: hide ? null : num(r.gap), gapPounds: hide ? null : num(r.gap_pounds),
      };
    });
    return {
      area: t.area, scoreYear, costYear, population: num(t.population), knownPeople: num(t.known), noContactPeople: noContact,
      pyramid: grid,
      concentration: { points, top1: share(1), top5: share(5), top20: share(20), totalCost: num(t.cost) },
      highCost: {
        suppressed: hHide, people: hHide ? null : hPeople, cost: hHide ? null : num(h?.cost),
        meanAge: hHide ? null : num(h?.mean_age), shareFemale: hHide ? null : num(h?.share_female), share75Plus: hHide ? null : num(h?.share_75_plus),
        meanLtcs: hHide ? null : num(h?.mean_ltcs), shareEmergency: hHide ? null : num(h?.share_emergency),
        shareMostDeprived: hHide ? null : num(h?.share_most_deprived), meanRisk: hHide ? null : num(h?.mean_risk),
        segments: hHide ? [] : ((h?.segments as { key: string; value: number }[] | undefined) ?? []).map((e) => ({ segment: e.key, people: small(num(e.value)) ? null : num(e.value) })),
      },
      opportunity,
      opportunityPeers: peerRows.filter((p) => p.pct_code === t.area).map((p) => ({ code: p.peer_code, distance: num(p.distance) })),
    };
  });
}
