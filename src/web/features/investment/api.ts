// The investment API as the web app uses it. Types mirror the server's answers; the server computes
// every figure (cost per QALY, bands, weights, surpluses, ratings) and the pages only show them.
import type { ApiClient } from '../../api/client.ts';

export interface Round { id: number; orgCode: string; title: string; firstYear: string; budgets: number[]; objective: 'qalys' | 'weighted'; thresholdLow: number; thresholdHigh: number; outcomes: string[]; status: 'open' | 'scoring' | 'agreed' | 'decided' }
export interface Criterion { code: string; name: string; description: string; swingPoints: number; weight: number }
export interface OptionView {
  id: number; code: string; title: string; programme: string; kind: 'investment' | 'disinvestment'; description: string; recurringCosts: number[]; nonRecurringCosts: number[];
  activityChange: string; qalyLow: number; qalyLikely: number; qalyHigh: number; costLowFactor: number; costHighFactor: number;
  outcomes: { indicatorId: string; trajectory: number[] }[]; inequalities: string; risk: string; strategicFit: number; evidence: { title: string; url: string }[];
  mustDo: boolean; requires: string[]; excludes: string[]; totalCost: number; costPerQaly: number | null; costEffectiveness: string; worthDoing: boolean; weightedValue: number | null;
}
export interface RoundDetail { round: Round; criteria: Criterion[]; options: OptionView[] }
export interface BudgetShadow { year: number; budget: number; spend: number; slack: number; shadowPrice: number; relaxedShadowPrice: number }
export interface Optimisation { status: string; objective: number; allYearsShadowPrice: number; chosen: string[]; budgets: BudgetShadow[]; marginalIn: { id: string }[]; marginalOut: { id: string }[]; runId: number; createdAt: string; objectiveKind: string }
export interface MonteCarlo { draws: number; solved: number; seed: number; shape: string; probabilityIn: number[]; optionCodes: string[]; objective: { p5: number; p50: number; p95: number } }
export interface PanelScore { optionId: number; criterion: string; scorerId: string; scorerName: string; score: number; comment: string }
export interface PanelView { mine: PanelScore[]; submitted: boolean; all: PanelScore[] | null; submissions: { scorerName: string }[]; agreed: { optionId: number; criterion: string; score: number; rationale: string }[]; canChair: boolean }
export interface PlanYear { year: number; allocation: number; baseline: number; investmentRecurring: number; investmentNonRecurring: number; efficiency: number; contingency: number; expenditure: number; surplus: number; surplusPct: number; recurringBalance: number; nonRecurringIncome: number }
export interface PlanInputs { allocation: number; baselineByProgramme: Record<string, number>; scenarios: { name: string; allocationGrowth: number[]; costGrowth: number[] }[]; efficiency: number[]; contingencyPct: number; nonRecurringIncome: number[] }
export interface PlanView {
  plan: { orgCode: string; firstYear: string; roundId: number | null; inputs: PlanInputs }; years: string[]; investments: { recurring: number[]; nonRecurring: number[]; chosen: string[] };
  scenarios: { name: string; years: PlanYear[] }[]; affordability: { affordable: boolean; reasons: string[] }; risk: { rating: number; rag: 'red' | 'amber' | 'green'; label: string; reasons: string[] };
}
export interface BoardPaper { orgName: string; years: string[]; detail: RoundDetail; optimisation: Optimisation | null; monteCarlo: MonteCarlo | null; plan: PlanView | null; outcomeEffects: { indicatorId: string; baseline: number | null; baselinePeriod: string | null; changeByYear: number[]; contributors: string[] }[] }
export interface ProgrammeLine { programme: string; name: string; spend: number; perHead: number | null; perWeightedHead: number | null; peerMedianPerHead: number | null; outcomeIndicator: string | null }
export interface ProgrammeBudget { orgCode: string; year: string; population: number | null; weightedPopulation: number | null; total: number; lines: ProgrammeLine[] }
export interface SpendOutcome { programmeName: string; indicatorId: string; outcomePeriod: string | null; outcomeSource: string; polarity: string; peerGroup: string; spendMedian: number; outcomeMedian: number; points: { orgCode: string; spendPerHead: number; outcome: number | null; quadrant: string | null; flagged: boolean; isSubject: boolean }[] }

const base = '/investment';
export const investmentApi = {
  rounds: (api: ApiClient, org?: string) => api.request<{ rounds: Round[] }>('GET', `${base}/rounds${org ? `?org=${encodeURIComponent(org)}` : ''}`),
  createRound: (api: ApiClient, body: unknown) => api.request<Round>('POST', `${base}/rounds`, body),
  round: (api: ApiClient, id: string) => api.request<RoundDetail>('GET', `${base}/rounds/${id}`),
  updateRound: (api: ApiClient, id: string, body: unknown) => api.request<Round>('PUT', `${base}/rounds/${id}`, body),
  setCriteria: (api: ApiClient, id: string, body: unknown) => api.request<{ criteria: Criterion[] }>('PUT', `${base}/rounds/${id}/criteria`, body),
  saveOption: (api: ApiClient, id: string, body: unknown) => api.request<OptionView>('POST', `${base}/rounds/${id}/options`, body),
  panel: (api: ApiClient, id: string) => api.request<PanelView>('GET', `${base}/rounds/${id}/panel`),
  saveScores: (api: ApiClient, id: string, body: unknown) => api.request<PanelView>('PUT', `${base}/rounds/${id}/panel/scores`, body),
  submitScores: (api: ApiClient, id: string) => api.request<PanelView>('POST', `${base}/rounds/${id}/panel/submit`),
  agree: (api: ApiClient, id: string, body: unknown) => api.request<PanelView>('PUT', `${base}/rounds/${id}/panel/agreed`, body),
  optimise: (api: ApiClient, id: string) => api.request<Optimisation>('POST', `${base}/rounds/${id}/optimise`),
  monteCarlo: (api: ApiClient, id: string, body: unknown) => api.request<MonteCarlo>('POST', `${base}/rounds/${id}/monte-carlo`, body),
  runs: (api: ApiClient, id: string) => api.request<{ optimisation: { result: Optimisation } | null; monteCarlo: { result: MonteCarlo } | null }>('GET', `${base}/rounds/${id}/runs`),
  savePlan: (api: ApiClient, body: unknown) => api.request<PlanView>('PUT', `${base}/plans`, body),
  plan: (api: ApiClient, org: string, firstYear: string) => api.request<PlanView>('GET', `${base}/plans/${org}/${firstYear}`),
  boardPaper: (api: ApiClient, id: string) => api.request<BoardPaper>('GET', `${base}/rounds/${id}/board-paper`),
  programmeBudget: (api: ApiClient, org: string, year: string) => api.request<ProgrammeBudget>('GET', `${base}/programme-budget?org=${encodeURIComponent(org)}&year=${encodeURIComponent(year)}`),
  spendOutcome: (api: ApiClient, org: string, year: string, programme: string, peers: string) => api.request<SpendOutcome>('GET', `${base}/spend-outcome?org=${encodeURIComponent(org)}&year=${encodeURIComponent(year)}&programme=${programme}&peers=${peers}`),
};

export const gbp = (n: number) => `${n < 0 ? '−' : ''}£${Math.abs(Math.round(n)).toLocaleString('en-GB')}`;
export const gbpM = (n: number) => `${n < 0 ? '−' : ''}£${(Math.abs(n) / 1e6).toFixed(2)}m`;
export const bandLabels: Record<string, string> = {
  dominant: 'Saves money and gains health', 'below-threshold': 'Below threshold', 'within-threshold-range': 'Within threshold range',
  'above-threshold': 'Above threshold', dominated: 'Costs more, less health', 'saving-with-loss': 'Saves money, loses health',
};
export const bandColours: Record<string, 'green' | 'aqua-green' | 'yellow' | 'red' | 'grey' | 'orange'> = {
  dominant: 'green', 'below-threshold': 'green', 'within-threshold-range': 'yellow', 'above-threshold': 'red', dominated: 'red', 'saving-with-loss': 'orange',
};
export const quadrantLabels: Record<string, string> = {
  'high-spend-poor-outcome': 'High spend, poor outcome', 'high-spend-good-outcome': 'High spend, good outcome',
  'low-spend-poor-outcome': 'Low spend, poor outcome', 'low-spend-good-outcome': 'Low spend, good outcome',
};
