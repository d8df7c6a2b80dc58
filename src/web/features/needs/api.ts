// The risk API (/api/risk) as the needs pages use it. The server computes every figure (scores, tiers,
// shares, gaps, suppression); the pages only show them.
import type { ApiClient } from '../../api/client.ts';

export interface Auroc { value: number; lower95: number; upper95: number; positives: number; negatives: number }
export interface TopShare { topPercent: number; people: number; events: number; ppv: number; sensitivity: number }
export interface Summary { auroc: Auroc; top: TopShare[]; brier: number | null; observed: number; expected: number | null }
export interface GroupPerformance { dimension: string; group: string; people: number | null; events: number | null; observedRate: number | null; meanPredicted: number | null; auroc: Auroc | null; ppvTop5: number | null; sensitivityTop5: number | null; shareInTop5: number | null; suppressed: boolean }
export interface Performance { people: number; events: number; prevalence: number; model: Summary; baseline: Summary; calibration: { decile: number; people: number; meanPredicted: number; observedRate: number }[]; fairness: GroupPerformance[] }
export interface ModelSummary { version: number; trainYear: string; testYear: string; lookbackYears: number; lambda: number; auroc: number; aurocLower95: number; aurocUpper95: number; baselineAuroc: number; trainPeople: number; testPeople: number; createdAt: string; createdBy: string | null }
export interface ModelDetail { model: ModelSummary; intercept: number; coefficients: { name: string; label: string; coefficient: number }[]; performance: Performance }

export interface PyramidCell { segment: string; tier: string; people: number | null; emergencyAdmissions: number | null; bedDays: number | null; cost: number | null; meanRisk: number | null; suppressed: boolean }
export interface OpportunityRow { programme: string; measure: string; observed: number | null; expected: number; ratio: number | null; bestQuartileRatio: number | null; peers: number; gap: number | null; gapPounds: number | null; suppressed: boolean }
export interface AreaViews {
  area: string; scoreYear: string; costYear: string; population: number; knownPeople: number; noContactPeople: number; pyramid: PyramidCell[];
  concentration: { points: { topPercent: number; costShare: number }[]; top1: number | null; top5: number | null; top20: number | null; totalCost: number };
  highCost: { people: number | null; cost: number | null; meanAge: number | null; shareFemale: number | null; share75Plus: number | null; meanLtcs: number | null; shareEmergency: number | null; shareMostDeprived: number | null; meanRisk: number | null; segments: { segment: string; people: number | null }[]; suppressed: boolean };
  opportunity: OpportunityRow[];
  opportunityPeers?: { code: string; distance: number }[];
}
export interface AreaResponse { runId: string; modelVersion: number; scoreYear: string; createdAt: string; views: AreaViews }
export interface Patient { pseudonym: string; risk: number; tier: string; segment: string; age: number | null; sex: string | null; imdQuintile: number | null; emergencyAdmissions: number; aeAttendances: number; bedDays: number; cost: number; longTermConditions: number; conditions: string[] }
export interface PatientList { runId: string; scoreYear: string; total: number; patients: Patient[] }
export interface PatientFilter { segment?: string; tier?: string; minRisk?: string; offset?: number }

export function filterQuery(f: PatientFilter, extra: Record<string, string | number> = {}): string {
  const q = new URLSearchParams();
  if (f.segment) q.set('segment', f.segment);
  if (f.tier) q.set('tier', f.tier);
  if (f.minRisk) q.set('minRisk', String(Number(f.minRisk) / 100));
  if (f.offset) q.set('offset', String(f.offset));
  for (const [k, v] of Object.entries(extra)) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const riskApi = {
  model: (api: ApiClient) => api.request<ModelDetail>('GET', '/risk/model'),
  area: (api: ApiClient, code: string) => api.request<AreaResponse>('GET', `/risk/areas/${encodeURIComponent(code)}`),
  patients: (api: ApiClient, code: string, f: PatientFilter) => api.request<PatientList>('GET', `/risk/areas/${encodeURIComponent(code)}/patients${filterQuery(f, { limit: 50 })}`),
};

export const SEGMENTS: Record<string, string> = {
  end_of_life: 'End of life', complex_frailty: 'Complex needs and frailty', maternity: 'Maternity', ltc: 'Long-term condition(s)',
  acute_episode: 'Acute episode', healthy: 'Healthy (mostly well)',
};
export const TIERS: Record<string, string> = { very_high: 'Very high (top 0.5%)', high: 'High (next 4.5%)', moderate: 'Moderate (next 15%)', low: 'Low (remaining 80%)' };
export const MEASURES: Record<string, string> = {
  emergency_admissions: 'Emergency admissions', acsc_admissions: 'Emergency admissions for ACSCs', emergency_bed_days: 'Emergency bed days', emergency_cost: 'Emergency admission cost (£)',
};

export const percent = (x: number | null | undefined, dp = 1) => (x === null || x === undefined || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(dp)}%`);
export const whole = (x: number | null | undefined) => (x === null || x === undefined ? 'fewer than 5' : Math.round(x).toLocaleString('en-GB'));
export const pounds = (x: number | null | undefined) => (x === null || x === undefined ? '–' : `£${Math.round(x).toLocaleString('en-GB')}`);
