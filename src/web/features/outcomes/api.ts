// Typed calls to the outcomes API. The answer shapes are the server's own view types (type-only imports).
import type { ApiClient } from '../../api/client.ts';
import type { Profile } from '../../../outcomes/profile-service.ts';
import type { ChartBundle } from '../../charts/frame.ts';
import type { CycleConfig } from '../../../outcomes/selection-model.ts';
import type { SelectionRow } from '../../../outcomes/selection-repo.ts';
import type { StretchView } from '../../../outcomes/stretch-service.ts';
import type { CatalogueEntry } from '../../../outcomes/model-types.ts';
import type { NeedsAssessment } from '../../../outcomes/report-service.ts';
import type { PctProgressRow, PctSummary } from '../../../outcomes/progress-service.ts';
import type { ChoiceInput } from '../../../outcomes/selection-service.ts';

export type { Profile, ChartBundle, CycleConfig, SelectionRow, StretchView, CatalogueEntry, NeedsAssessment, PctProgressRow, PctSummary, ChoiceInput };

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '' && v !== false) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

const enc = encodeURIComponent;
export const getProfile = (api: ApiClient, code: string, q: { period?: string; benchmark?: string }) =>
  api.request<Profile>('GET', `/areas/${enc(code)}/profile${query(q)}`);
export const getChart = (api: ApiClient, code: string, kind: string, q: Record<string, string | boolean | undefined>) =>
  api.request<ChartBundle>('GET', `/areas/${enc(code)}/charts/${kind}${query({ ...q, format: 'json' })}`);
export const chartUrl = (code: string, kind: string, q: Record<string, string | boolean | undefined>, format: 'svg' | 'png' | 'csv') =>
  `/api/areas/${enc(code)}/charts/${kind}${query({ ...q, format })}`;
export const getNeedsAssessment = (api: ApiClient, code: string, period?: string) =>
  api.request<NeedsAssessment>('GET', `/areas/${enc(code)}/needs-assessment${query({ period })}`);

export const getCycles = (api: ApiClient) => api.request<{ cycles: CycleConfig[] }>('GET', '/outcomes/cycles');
export const getMenu = (api: ApiClient) => api.request<{ indicators: CatalogueEntry[] }>('GET', '/outcomes/menu');
export const getOutcomes = (api: ApiClient, code: string, cycle?: string) =>
  api.request<{ cycle: CycleConfig; selection: SelectionRow | null }>('GET', `/orgs/${enc(code)}/outcomes${query({ cycle })}`);
export const getProposals = (api: ApiClient, code: string, cycle: string, indicator: string) =>
  api.request<StretchView>('GET', `/orgs/${enc(code)}/outcomes/proposals${query({ cycle, indicator })}`);
export const saveOutcomes = (api: ApiClient, code: string, cycle: string, choices: ChoiceInput[]) =>
  api.request<SelectionRow>('PUT', `/orgs/${enc(code)}/outcomes${query({ cycle })}`, { choices });
export const stepOutcomes = (api: ApiClient, code: string, cycle: string, step: 'submit' | 'return' | 'approve', comment: string) =>
  api.request<SelectionRow>('POST', `/orgs/${enc(code)}/outcomes/${step}${query({ cycle })}`, { comment });
export const commentOutcomes = (api: ApiClient, code: string, cycle: string, body: string) =>
  api.request<SelectionRow>('POST', `/orgs/${enc(code)}/outcomes/comments${query({ cycle })}`, { body });
export const getPctProgress = (api: ApiClient, code: string, cycle?: string) =>
  api.request<{ area: Profile['area']; cycle: CycleConfig; status: string; rows: PctProgressRow[] }>('GET', `/orgs/${enc(code)}/outcomes/progress${query({ cycle })}`);
export const getShaProgress = (api: ApiClient, sha: string, cycle?: string) =>
  api.request<{ area: Profile['area']; cycle: CycleConfig; pcts: PctSummary[] }>('GET', `/outcomes/progress/sha${query({ sha, cycle })}`);
export interface NationalProgress {
  cycle: CycleConfig; pcts: number; statusCounts: Record<string, number>;
  indicators: { indicatorId: string; title: string; chosen: number; on: number; off: number; ahead: number }[];
  shas: { shaCode: string; selections: number; approved: number; onTrack: number; outcomes: number }[];
}
export const getNationalProgress = (api: ApiClient, cycle?: string) => api.request<NationalProgress>('GET', `/outcomes/progress/national${query({ cycle })}`);
