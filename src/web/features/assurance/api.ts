// The assurance API as the web app uses it. Levels, RAGs, suppression, agreement, leniency and autonomy are
// computed on the server; the pages only show them.
import type { ApiClient } from '../../api/client.ts';

export interface Timetable { selfAssessmentDeadline: string; surveyOpens: string; surveyCloses: string; panelsFrom: string; panelsTo: string; calibrationBy: string; publicationAt: string }
export interface Cycle { id: string; year: string; frameworkId: string; frameworkVersion: string; status: string; previousCycleId: string | null; timetable: Timetable; confirmedAt: string | null; phase?: string }
export interface PctProgress { orgCode: string; name: string; shaCode: string; selfAssessment: string; stakeholders: number; responses: number; panelMembers: number; panelSubmitted: number; agreedItems: number }
export interface Overview { cycle: Cycle; phase: string; pcts: PctProgress[]; panelAssignments: string[] }
export interface SelfScore { subCriterion: string; level: number | null; narrative: string; metrics: string[]; needsReview: boolean }
export interface Evidence { id: string; documentType: string; title: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; subCriteria: string[]; needsReview: boolean; carriedForward: boolean }
export interface SelfAssessment { cycleId: string; orgCode: string; status: string; streamlined: boolean; editable: { allowed: boolean; reason: string }; submittedAt: string | null; scores: SelfScore[]; evidence: Evidence[]; missingDocuments: string[]; availableMetrics: string[] }
export interface Summary { group: string; respondents: number; suppressed: boolean; mean: number | null }
export interface SurveyResults { current: { competencies: { competency: number; title: string; results: Summary[] }[] }; previous: { competencies: { competency: number; results: Summary[] }[] } | null; invited: Record<string, number>; minimumGroupSize: number }
export interface PanelItem { kind: 'competency' | 'sub_indicator'; item: string; level?: number | null; rag?: string | null; note?: string }
export interface Panel {
  members: { userId: string; name: string; email: string; chair: boolean; conflict: string | null; submitted: boolean }[];
  me: { member: boolean; chair: boolean; conflict: string | null; submitted: boolean };
  scores: { userId: string; name: string; kind: string; item: string; level: number | null; rag: string | null; note: string }[];
  othersHidden: boolean; agreed: { kind: string; item: string; level: number | null; rag: string | null; rationale: string; moderated: boolean }[];
  agreement: { meanKappa: number | null; levelExactAgreement: number | null; ragExactAgreement: number | null; pairs: { a: string; b: string; weightedKappa: number | null; exactAgreement: number }[] } | null;
}
export interface Report {
  year: string; orgCode: string; orgName: string; shaCode: string; published: boolean; overview: string; recommendations: string[]; outcomesComment: string; developmentPriorities: string;
  competencies: { number: number; title: string; level: number | null }[];
  governance: { area: string; title: string; rating: string | null; subIndicators: { id: string; title: string; rag: string | null }[] }[];
  governanceOverall: string | null;
  selfVsPanel: { rows: { number: number; title: string; self: number | null; panel: number | null; difference: number | null }[]; panelBelowSelf: number; panelAboveSelf: number; agreed: number };
  autonomy: { status: string | null; offers: string[]; reasons: string[] } | null;
  weakest: { number: number; title: string; level: number }[];
  outcomes: { period: string; better: number; similar: number; worse: number; notCompared: number };
}
export interface League { year: string; published: boolean; publicationAt: string; rows: { rank: number; orgCode: string; name?: string; governanceOverall: string; meanLevel: number; segment: number | null; autonomyStatus: string | null; autonomyTitle: string | null; previousRank: number | null; rankChange: number | null; meanLevelChange: number | null }[] }
export interface Calibration {
  distributions: { shaCode: string; competency: string; counts: number[]; mean: number; n: number }[];
  shas: { shaCode: string; pcts: number; meanPanel: number; meanExpected: number; meanResidual: number; z: number | null; flag: string | null }[];
  model: { terms: string[]; coefficients: number[]; residualSd: number; n: number }; threshold: number;
  moderations: { orgCode: string; kind: string; item: string; before: string; after: string; reason: string; by: string }[];
}
export interface Framework { competencies: { number: number; title: string; scored: boolean; subCriteria: { number: string; title: string; descriptors: Record<string, string> }[] }[]; governance: { areas: { id: string; title: string; subIndicators: { id: string; title: string }[] }[] }; documentTypes: { id: string; title: string; required: boolean }[]; survey: { stakeholderGroups: { id: string; title: string }[] } }

const c = (ref: string) => `/assurance/cycles/${encodeURIComponent(ref)}`;
const p = (ref: string, org: string) => `${c(ref)}/pcts/${encodeURIComponent(org)}`;
export const assuranceApi = {
  cycles: (api: ApiClient) => api.request<{ cycles: Cycle[]; now: string }>('GET', '/assurance/cycles'),
  open: (api: ApiClient, body: unknown) => api.request<Cycle>('POST', '/assurance/cycles', body),
  overview: (api: ApiClient, ref: string) => api.request<Overview>('GET', c(ref)),
  framework: (api: ApiClient, ref: string) => api.request<Framework>('GET', `${c(ref)}/framework`),
  timetable: (api: ApiClient, ref: string, body: Timetable) => api.request<Cycle>('PUT', `${c(ref)}/timetable`, body),
  self: (api: ApiClient, ref: string, org: string) => api.request<SelfAssessment>('GET', `${p(ref, org)}/self-assessment`),
  saveSelf: (api: ApiClient, ref: string, org: string, scores: unknown) => api.request<unknown>('PUT', `${p(ref, org)}/self-assessment/scores`, { scores }),
  submitSelf: (api: ApiClient, ref: string, org: string) => api.request<{ missingDocuments: string[] }>('POST', `${p(ref, org)}/self-assessment/submit`),
  reopen: (api: ApiClient, ref: string, org: string, body: unknown) => api.request<unknown>('POST', `${p(ref, org)}/reopenings`, body),
  evidenceChange: (api: ApiClient, id: string, change: 'confirm' | 'withdraw') => api.request<void>('POST', `/assurance/evidence/${id}`, { change }),
  stakeholders: (api: ApiClient, ref: string, org: string) => api.request<{ stakeholders: { id: string; name: string; email: string; group: string; responded: boolean }[] }>('GET', `${p(ref, org)}/stakeholders`),
  addStakeholders: (api: ApiClient, ref: string, org: string, stakeholders: unknown) => api.request<{ stakeholders: { name: string; token: string }[] }>('POST', `${p(ref, org)}/stakeholders`, { stakeholders }),
  surveyResults: (api: ApiClient, ref: string, org: string) => api.request<SurveyResults>('GET', `${p(ref, org)}/survey-results`),
  panel: (api: ApiClient, ref: string, org: string) => api.request<Panel>('GET', `${p(ref, org)}/panel`),
  assign: (api: ApiClient, ref: string, org: string, members: unknown) => api.request<unknown>('PUT', `${p(ref, org)}/panel`, { members }),
  conflict: (api: ApiClient, ref: string, org: string, body: unknown) => api.request<unknown>('PUT', `${p(ref, org)}/panel/conflict`, body),
  myScores: (api: ApiClient, ref: string, org: string, items: PanelItem[], submit: boolean) => api.request<unknown>('PUT', `${p(ref, org)}/panel/my-scores`, { items, submit }),
  agree: (api: ApiClient, ref: string, org: string, items: PanelItem[]) => api.request<unknown>('PUT', `${p(ref, org)}/agreed`, { items }),
  calibration: (api: ApiClient, ref: string) => api.request<Calibration>('GET', `${c(ref)}/calibration`),
  moderate: (api: ApiClient, ref: string, org: string, body: unknown) => api.request<unknown>('POST', `${p(ref, org)}/moderations`, body),
  computeAutonomy: (api: ApiClient, ref: string) => api.request<{ decisions: { orgCode: string; status: string; statusTitle: string; reasons: string[] }[]; warnings: string[] }>('POST', `${c(ref)}/autonomy/compute`),
  confirmAutonomy: (api: ApiClient, ref: string) => api.request<unknown>('POST', `${c(ref)}/autonomy/confirm`, { changes: [] }),
  report: (api: ApiClient, ref: string, org: string) => api.request<Report>('GET', `${p(ref, org)}/report`),
  saveReport: (api: ApiClient, ref: string, org: string, body: unknown) => api.request<unknown>('PUT', `${p(ref, org)}/report`, body),
  league: (api: ApiClient, ref: string) => api.request<League>('GET', `${c(ref)}/league`),
};
export const pctPath = (ref: string, org: string) => `/assurance/${ref}/pcts/${org}`;
