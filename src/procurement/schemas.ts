// TypeBox schemas of the procurement API. Bodies and queries reject unknown properties.
import { Type, type TSchema } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;
/** A response object whose shape is documented in the service; serialised as is. */
export const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const Ok = Type.Object({ ok: Type.Boolean() });
export const Uuid = Type.String({ pattern: '^[0-9a-f-]{36}$' });
export const IdParams = Type.Object({ id: Uuid }, strict);
export const SupplierId = Type.String({ pattern: '^SUP-[A-Z0-9-]{2,30}$' });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max = 20000) => Type.String({ minLength: 1, maxLength: max });
const Competency = Type.Integer({ minimum: 1, maximum: 11 });

export const BusinessCaseBody = Type.Object({
  pctCode: Type.String({ pattern: '^[A-Z0-9]{3,5}$' }), frameworkId: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }),
  lotCode: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }), title: Text(200), need: Text(),
  competencies: Type.Array(Competency, { maxItems: 11 }), budgetPounds: Type.Number({ exclusiveMinimum: 0 }),
}, strict);

export const ApprovalBody = Type.Object({ approvedOn: IsoDate, minute: Text(2000) }, strict);

export const RequirementBody = Type.Object({
  requirement: Text(), qualityWeight: Type.Integer({ minimum: 0, maximum: 100 }),
  criteria: Type.Array(Type.Object({ key: Type.String({ pattern: '^[a-z0-9-]{1,30}$' }), title: Text(200), weight: Type.Number({ exclusiveMinimum: 0, maximum: 100 }) }, strict), { maxItems: 20 }),
  contractMonths: Type.Integer({ minimum: 1, maximum: 120 }), bidDeadline: Type.String({ format: 'date-time' }),
}, strict);

export const DeadlineBody = Type.Object({ bidDeadline: Type.String({ format: 'date-time' }) }, strict);
export const ReasonBody = Type.Object({ reason: Text(2000) }, strict);
export const QuestionBody = Type.Object({ supplierId: SupplierId, question: Text(5000) }, strict);
export const AnswerBody = Type.Object({ answer: Text(5000) }, strict);
export const ClarificationParams = Type.Object({ id: Uuid, clarificationId: Uuid }, strict);

export const BidBody = Type.Object({
  response: Text(100000), pricePounds: Type.Number({ exclusiveMinimum: 0 }),
  documents: Type.Array(Type.Object({ name: Text(200), text: Text(100000) }, strict), { maxItems: 10 }),
}, strict);
export const BidParams = Type.Object({ id: Uuid, supplierId: SupplierId }, strict);
export const Receipt = Type.Object({ supplierId: Type.String(), submittedAt: Type.String(), digest: Type.String() });

export const EvaluatorsBody = Type.Object({ emails: Type.Array(Type.String({ format: 'email' }), { minItems: 1, maxItems: 10 }) }, strict);
export const DeclarationBody = Type.Object({ conflicts: Type.Array(SupplierId, { maxItems: 20 }), note: Type.String({ maxLength: 2000 }) }, strict);
export const ScoresBody = Type.Object({
  scores: Type.Array(Type.Object({ supplierId: SupplierId, criterion: Type.String({ maxLength: 30 }), score: Type.Integer({ minimum: 0, maximum: 5 }), comment: Type.String({ maxLength: 5000 }) }, strict), { maxItems: 400 }),
}, strict);
export const ModerationBody = Type.Object({
  agreed: Type.Array(Type.Object({ supplierId: SupplierId, criterion: Type.String({ maxLength: 30 }), score: Type.Integer({ minimum: 0, maximum: 5 }), rationale: Text(5000) }, strict), { maxItems: 400 }),
}, strict);

export const AwardBody = Type.Object({
  startsOn: IsoDate, deliverables: Type.Array(Text(500), { maxItems: 30 }),
  kpis: Type.Array(Type.Object({
    code: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }), title: Text(200), direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]),
    target: Type.Number(), tolerance: Type.Number({ minimum: 0 }),
  }, strict), { maxItems: 20 }),
}, strict);
export const KpiReportBody = Type.Object({
  kpiCode: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }), period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-Q[1-4]$' }), value: Type.Number(), note: Type.String({ maxLength: 2000 }),
}, strict);
export const VariationBody = Type.Object({
  kind: Type.Union([Type.Literal('variation'), Type.Literal('extension')]), description: Text(2000), newEndsOn: IsoDate,
  newValue: Type.Number({ exclusiveMinimum: 0 }), agreedOn: IsoDate,
}, strict);
export const TerminationBody = Type.Object({ terminatedOn: IsoDate, reason: Text(2000) }, strict);

export const SupplierDocBody = Type.Object({
  frameworkId: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }), kind: Type.Union([Type.Literal('declaration'), Type.Literal('document')]), title: Text(200), body: Text(100000),
}, strict);
export const FrameworkBody = Type.Object({
  id: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }), title: Text(200), description: Type.String({ maxLength: 5000 }), buyerName: Text(200),
  startsOn: IsoDate, endsOn: IsoDate, maxCallOffMonths: Type.Integer({ minimum: 1, maximum: 120 }), terms: Type.String({ maxLength: 20000 }),
  excludesPatientCare: Type.Optional(Type.Boolean()),
  lots: Type.Array(Type.Object({
    code: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }), title: Text(200), description: Type.String({ maxLength: 5000 }),
    competencies: Type.Array(Competency, { maxItems: 11 }), supplierIds: Type.Array(SupplierId, { maxItems: 100 }),
  }, strict), { minItems: 1, maxItems: 30 }),
}, strict);

export const OcdsQuery = Type.Object({
  ocid: Type.Optional(Type.String({ maxLength: 100 })),
  download: Type.Optional(Type.Boolean()),
}, strict);

export const list = (item: TSchema, key: string) => Type.Object({ [key]: Type.Array(item) });

export const LotParams = Type.Object({ frameworkId: Type.String({ pattern: '^[A-Z0-9-]{2,30}$' }), lotCode: Type.String({ pattern: '^[A-Za-z0-9-]{1,20}$' }) }, strict);
export const AdmitBody = Type.Object({ supplierId: SupplierId, name: Type.Optional(Type.String({ maxLength: 200 })) }, strict);
export const FileIdParams = Type.Object({ fileId: Uuid }, strict);
export const AttachmentParams = Type.Object({ id: Uuid, supplierId: SupplierId, attachmentId: Uuid }, strict);

// Answers, described in full so OpenAPI at /api/docs shows them.
const Str = Type.String();
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const FrameworksAnswer = Type.Object({
  frameworks: Type.Array(Type.Object({
    id: Str, title: Str, description: Str, buyerName: Str, startsOn: Str, endsOn: Str, maxCallOffMonths: Type.Integer(),
    excludesPatientCare: Type.Boolean(), terms: Str,
    lots: Type.Array(Type.Object({ code: Str, title: Str, description: Str, competencies: Type.Array(Type.Integer()), supplierIds: Type.Array(Str) })),
  })),
  suppliers: Type.Array(Type.Object({ id: Str, name: Str, fictional: Type.Boolean() })),
});

export const SupplierFile = Type.Object({ id: Str, frameworkId: Str, title: Str, fileName: Str, mediaType: Str, sizeBytes: Type.Integer(), sha256: Str, uploadedAt: Str });
export const SupplierFilesAnswer = Type.Object({
  documents: Type.Array(Type.Object({ id: Str, frameworkId: Str, kind: Type.Union([Type.Literal('declaration'), Type.Literal('document')]), title: Str, body: Str, createdAt: Str })),
  files: Type.Array(SupplierFile),
});

export const AttachmentReceipt = Type.Object({ id: Str, supplierId: Str, digest: Str, sizeBytes: Type.Integer(), uploadedAt: Str });
export const BidAnswer = Type.Object({
  supplierId: Str, submittedAt: Str, digest: Str, response: Str, pricePounds: Type.Number(),
  documents: Type.Array(Type.Object({ name: Str, text: Str })),
  attachments: Type.Array(Type.Object({ id: Str, supplierId: Str, digest: Str, sizeBytes: Type.Integer(), uploadedAt: Str, fileName: Str, mediaType: Str })),
});

export const CompetitionsAnswer = Type.Object({
  competitions: Type.Array(Type.Object({ id: Str, reference: Str, title: Str, pctCode: Str, pctName: Str, status: Str, lotCode: Str, bidDeadline: Nullable(Str) })),
});

export const CompetitionAnswer = Type.Object({
  id: Str, reference: Str, title: Str, status: Str, pctCode: Str, pctName: Str, frameworkId: Str, frameworkTitle: Str, lotCode: Str, lotTitle: Str,
  businessCase: Nullable(Type.Object({ need: Str, competencies: Type.Array(Type.Integer()), budgetPounds: Type.Number(), boardApprovedOn: Nullable(Str), boardMinute: Nullable(Str) })),
  requirement: Nullable(Str), qualityWeight: Nullable(Type.Integer()), priceWeight: Nullable(Type.Integer()),
  criteria: Nullable(Type.Array(Type.Object({ key: Str, title: Str, weight: Type.Number() }))), contractMonths: Nullable(Type.Integer()),
  bidDeadline: Nullable(Str), sealed: Type.Boolean(), bidsOpenedAt: Nullable(Str),
  preferredBidder: Nullable(Type.Object({ id: Str, name: Str })), standstillEndsAt: Nullable(Str), awardedAt: Nullable(Str), contractId: Nullable(Str),
  invited: Nullable(Type.Array(Type.Object({ id: Str, name: Str }))),
  you: Type.Object({
    pct: Type.Boolean(), pctWriter: Type.Boolean(), supplierIds: Type.Array(Str),
    evaluator: Nullable(Type.Object({ declared: Type.Boolean(), conflicts: Type.Array(Str), submitted: Type.Boolean() })),
  }),
});

export const ClarificationsAnswer = Type.Object({
  clarifications: Type.Array(Type.Object({ id: Str, question: Str, answer: Nullable(Str), askedAt: Str, answeredAt: Nullable(Str) })),
});

const Ranked = Type.Object({ supplierId: Str, price: Type.Number(), quality: Type.Number(), priceScore: Type.Number(), total: Type.Number(), rank: Type.Integer() });
export const PanelAnswer = Type.Object({
  evaluators: Type.Array(Type.Object({ name: Str, declared: Type.Boolean(), conflicts: Nullable(Type.Array(Str)), submitted: Type.Boolean() })),
  scores: Nullable(Type.Array(Type.Object({ evaluator: Str, supplierId: Str, criterion: Str, score: Type.Integer(), comment: Str }))),
  moderated: Type.Array(Type.Object({ supplierId: Str, criterion: Str, score: Type.Integer(), rationale: Str })),
  ranking: Nullable(Type.Array(Ranked)),
});
export const RankingAnswer = Type.Object({ ranking: Type.Array(Ranked) });

const ContractFields = {
  id: Str, competitionId: Nullable(Str), pctCode: Str, pctName: Str, supplierId: Str, supplierName: Str, title: Str, valuePounds: Type.Number(),
  startsOn: Str, endsOn: Str, status: Str, terminatedOn: Nullable(Str), terminationReason: Nullable(Str), deliverables: Type.Array(Str),
};
const Rag = Type.Union([Type.Literal('green'), Type.Literal('amber'), Type.Literal('red')]);
export const ContractsAnswer = Type.Object({ contracts: Type.Array(Type.Object(ContractFields)) });
export const ContractAnswer = Type.Object({
  ...ContractFields,
  kpis: Type.Array(Type.Object({ code: Str, title: Str, direction: Type.Union([Type.Literal('higher'), Type.Literal('lower')]), target: Type.Number(), tolerance: Type.Number() })),
  reports: Type.Array(Type.Object({ kpiCode: Str, period: Str, value: Type.Number(), rag: Rag, note: Nullable(Str) })),
  variations: Type.Array(Type.Object({ kind: Str, description: Str, oldEndsOn: Str, newEndsOn: Str, oldValue: Type.Number(), newValue: Type.Number(), agreedOn: Str })),
});
export const RagAnswer = Type.Object({ rag: Rag });
export const SupplierPerformanceAnswer = Type.Object({
  suppliers: Type.Array(Type.Object({
    supplierId: Str, name: Str, contracts: Type.Integer(), pcts: Type.Integer(), valuePounds: Type.Number(), terminated: Type.Integer(),
    kpiReports: Type.Object({ green: Type.Integer(), amber: Type.Integer(), red: Type.Integer() }),
  })),
});
