// Shapes of the procurement API answers the pages use (see src/procurement/views.ts and panel.ts).
export interface Criterion { key: string; title: string; weight: number }

export interface Competition {
  id: string; reference: string; title: string; status: string; pctCode: string; pctName: string;
  frameworkId: string; frameworkTitle: string; lotCode: string; lotTitle: string;
  businessCase: { need: string; competencies: number[]; budgetPounds: number; boardApprovedOn: string | null; boardMinute: string | null } | null;
  requirement: string | null; qualityWeight: number | null; priceWeight: number | null; criteria: Criterion[] | null; contractMonths: number | null;
  bidDeadline: string | null; sealed: boolean; bidsOpenedAt: string | null;
  preferredBidder: { id: string; name: string } | null; standstillEndsAt: string | null; awardedAt: string | null; contractId: string | null;
  invited: { id: string; name: string }[] | null;
  you: { pct: boolean; pctWriter: boolean; supplierIds: string[]; evaluator: { declared: boolean; conflicts: string[]; submitted: boolean } | null };
}

export interface CompetitionSummary { id: string; reference: string; title: string; pctCode: string; pctName: string; status: string; lotCode: string; bidDeadline: string | null }
export interface Receipt { supplierId: string; submittedAt: string; digest: string }
export interface Clarification { id: string; question: string; answer: string | null; askedAt: string }
export interface Ranked { supplierId: string; price: number; quality: number; priceScore: number; total: number; rank: number }
export interface PanelView {
  evaluators: { name: string; declared: boolean; conflicts: string[] | null; submitted: boolean }[];
  scores: { evaluator: string; supplierId: string; criterion: string; score: number; comment: string }[] | null;
  moderated: { supplierId: string; criterion: string; score: number; rationale: string }[];
  ranking: Ranked[] | null;
}

export const statusLabels: Record<string, string> = {
  draft: 'Business case', approved: 'Approved by the board', tendering: 'Out to tender', bids_opened: 'Evaluation',
  moderated: 'Moderated', standstill: 'Standstill', awarded: 'Awarded', cancelled: 'Cancelled',
};

export const money = (n: number) => `£${n.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
