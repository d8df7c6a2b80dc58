// Shapes of the procurement API answers the pages use (see src/procurement/schemas.ts, views.ts and panel.ts).
import type { Session } from '../../api/types.ts';
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

export interface Framework {
  id: string; title: string; description: string; buyerName: string; startsOn: string; endsOn: string; maxCallOffMonths: number;
  excludesPatientCare: boolean; terms: string;
  lots: { code: string; title: string; description: string; competencies: number[]; supplierIds: string[] }[];
}
export interface Frameworks { frameworks: Framework[]; suppliers: { id: string; name: string; fictional: boolean }[] }
export interface SupplierFile { id: string; frameworkId: string; title: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedAt: string }
export interface SupplierDocument { id: string; frameworkId: string; kind: 'declaration' | 'document'; title: string; body: string; createdAt: string }
export interface AttachmentReceipt { id: string; supplierId: string; digest: string; sizeBytes: number; uploadedAt: string }
export interface Attachment extends AttachmentReceipt { fileName: string; mediaType: string }

/** Shown to the national team only; the server decides (403 for anyone else). */
export const isNationalAdmin = (s: Session | null) => !!s?.principal?.roles.some((r) => r.role === 'national_admin');
/** The supplier ids the user acts for. */
export const supplierIdsOf = (s: Session | null) => (s?.principal?.roles ?? []).filter((r) => r.role === 'framework_supplier' && r.orgCode).map((r) => r.orgCode!);
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
