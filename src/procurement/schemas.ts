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
