// TypeBox schemas for the assurance API: request bodies, params and queries (no extra properties).
import { Type } from '@sinclair/typebox';

const obj = <T extends Parameters<typeof Type.Object>[0]>(p: T) => Type.Object(p, { additionalProperties: false });
export const Year = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' });
export const CycleRef = Type.String({ pattern: '^([0-9]{4}-[0-9]{2}|[0-9a-fA-F-]{36})$', description: 'cycle id or year, e.g. 2009-10' });
export const OrgCode = Type.String({ pattern: '^[A-Za-z0-9]{3,5}$' });

export const CycleParams = obj({ cycle: CycleRef });
export const PctParams = obj({ cycle: CycleRef, org: OrgCode });
export const IdParams = obj({ id: Type.String({ format: 'uuid' }) });
export const TokenParams = obj({ token: Type.String({ pattern: '^[A-Za-z0-9_-]{20,64}$' }) });

export const TimetableSchema = obj({
  selfAssessmentDeadline: Type.String({ format: 'date-time' }), surveyOpens: Type.String({ format: 'date-time' }),
  surveyCloses: Type.String({ format: 'date-time' }), panelsFrom: Type.String({ format: 'date' }), panelsTo: Type.String({ format: 'date' }),
  calibrationBy: Type.String({ format: 'date' }), publicationAt: Type.String({ format: 'date-time' }),
});

export const OpenCycleBody = obj({
  year: Year, frameworkId: Type.String({ pattern: '^[a-z][a-z0-9-]*$' }), frameworkVersion: Year,
  policyId: Type.Optional(Type.String()), policyVersion: Type.Optional(Year), timetable: TimetableSchema,
});

export const ReopenBody = obj({ reason: Type.String({ minLength: 1, maxLength: 2000 }), until: Type.String({ format: 'date-time' }) });

const Level = Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)]);
const RagSchema = Type.Union([Type.Literal('red'), Type.Literal('amber'), Type.Literal('green')]);

export const SelfScoresBody = obj({
  scores: Type.Array(obj({
    subCriterion: Type.String({ pattern: '^[0-9]{1,2}\\.[0-9]$' }), level: Type.Union([Level, Type.Null()]),
    narrative: Type.String({ maxLength: 10000 }), metrics: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
  }), { minItems: 1, maxItems: 80 }),
});

export const EvidenceChangeBody = obj({ change: Type.Union([Type.Literal('confirm'), Type.Literal('withdraw')]) });

export const StakeholdersBody = obj({
  stakeholders: Type.Array(obj({ name: Type.String({ minLength: 1, maxLength: 200 }), email: Type.String({ format: 'email', maxLength: 200 }),
    group: Type.String({ maxLength: 60 }) }), { minItems: 1, maxItems: 200 }),
});

export const SurveyAnswersBody = obj({
  answers: Type.Array(obj({ itemId: Type.String({ maxLength: 20 }), value: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    text: Type.Optional(Type.String({ maxLength: 4000 })) }), { maxItems: 100 }),
});

const PanelItemSchema = obj({
  kind: Type.Union([Type.Literal('competency'), Type.Literal('sub_indicator')]), item: Type.String({ maxLength: 10 }),
  level: Type.Optional(Type.Union([Level, Type.Null()])), rag: Type.Optional(Type.Union([RagSchema, Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: 5000 })),
});
export const PanelAssignBody = obj({ members: Type.Array(obj({ email: Type.String({ maxLength: 200 }), chair: Type.Boolean() }), { minItems: 1, maxItems: 10 }) });
export const ConflictBody = obj({ conflict: Type.Union([Type.Literal('none'), Type.Literal('declared')]), note: Type.String({ maxLength: 2000 }) });
export const PanelScoresBody = obj({ items: Type.Array(PanelItemSchema, { maxItems: 60 }), submit: Type.Boolean({ default: false }) });
export const AgreedBody = obj({ items: Type.Array(PanelItemSchema, { minItems: 1, maxItems: 60 }) });
export const ModerateBody = obj({ item: PanelItemSchema, reason: Type.String({ maxLength: 2000 }) });
export const ConfirmBody = obj({ changes: Type.Array(obj({ orgCode: OrgCode, status: Type.String({ maxLength: 60 }), reason: Type.String({ maxLength: 2000 }) }), { maxItems: 200 }) });
export const ReportBody = obj({
  overview: Type.String({ maxLength: 10000 }), recommendations: Type.Array(Type.String({ maxLength: 1000 }), { maxItems: 5 }),
  outcomesComment: Type.String({ maxLength: 10000 }), developmentPriorities: Type.String({ maxLength: 10000 }),
});
export const OpenDataParams = obj({ file: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}\\.(csv|json)$' }) });

// Response schemas for the public and stakeholder endpoints (what leaves the server without a session).
const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const OpenDataResponse = Type.Object({ year: Type.String(), columns: Type.Array(Type.String()), rows: Type.Array(Type.Record(Type.String(), Cell)) });
export const SurveyFormResponse = Type.Object({
  orgCode: Type.String(), orgName: Type.String(), year: Type.String(), group: Type.String(), groupTitle: Type.String(), open: Type.Boolean(), closes: Type.String(),
  scale: Type.Object({ min: Type.Integer(), max: Type.Integer(), labels: Type.Array(Type.String()), allowDontKnow: Type.Boolean() }),
  items: Type.Array(Type.Object({ id: Type.String(), kind: Type.String(), text: Type.String() })),
});
export const SurveyReceivedResponse = Type.Object({ received: Type.Integer() });
