// TypeBox schemas of the support API. Bodies and queries reject unknown properties.
import { Type, type TSchema } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;
const Text = (max = 20000) => Type.String({ minLength: 1, maxLength: max });
const Competencies = Type.Array(Type.Integer({ minimum: 1, maximum: 11 }), { maxItems: 11 });
const PctCode = Type.String({ pattern: '^[A-Z0-9]{3,5}$' });
export const Open = (description: string) => Type.Object({}, { additionalProperties: true, description });
export const IdParams = Type.Object({ id: Type.String({ pattern: '^[0-9a-f-]{36}$' }) }, strict);
export const PctParams = Type.Object({ pctCode: PctCode }, strict);
export const Created = Type.Object({ id: Type.String() });

export const CaseStudyBody = Type.Object({
  pctCode: PctCode, title: Text(200), summary: Text(2000), body: Text(), outcome: Text(2000), setting: Text(100), competencies: Competencies,
}, strict);
export const ReviewBody = Type.Object({ decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]), note: Type.String({ maxLength: 2000 }) }, strict);
export const LibraryQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })), competency: Type.Optional(Type.Integer({ minimum: 1, maximum: 11 })),
  setting: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(Type.Union([Type.Literal('approved'), Type.Literal('submitted')])),
}, strict);
export const EventBody = Type.Object({
  title: Text(200), kind: Type.Union([Type.Literal('workshop'), Type.Literal('conference'), Type.Literal('webinar'), Type.Literal('network')]),
  description: Type.String({ maxLength: 5000 }), venue: Text(200), startsAt: Type.String({ format: 'date-time' }), capacity: Type.Integer({ minimum: 1, maximum: 10000 }), competencies: Competencies,
}, strict);
export const SetBody = Type.Object({
  leadPctCode: PctCode, partnerPctCodes: Type.Array(PctCode, { minItems: 2, maxItems: 2 }), facilitatorEmail: Type.String({ format: 'email' }),
  title: Text(200), focus: Text(2000), competencies: Competencies,
}, strict);
export const MeetingBody = Type.Object({ meetsOn: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), topic: Text(200), notes: Type.String({ maxLength: 20000 }) }, strict);

// Answers, described in full so OpenAPI at /api/docs shows them.
const Str = Type.String();
const Num = Type.Number();
const Ints = Type.Array(Type.Integer());
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
export const Ok = Type.Object({ ok: Type.Boolean() });

export const CaseStudiesAnswer = Type.Object({
  caseStudies: Type.Array(Type.Object({
    id: Str, pctCode: Str, pctName: Str, title: Str, summary: Str, body: Str, outcome: Str, setting: Str, competencies: Ints,
    status: Str, submittedAt: Str, rank: Type.Optional(Num),
  })),
});
export const EventsAnswer = Type.Object({
  events: Type.Array(Type.Object({
    id: Str, title: Str, kind: Str, description: Str, venue: Str, startsAt: Str, capacity: Type.Integer(), registered: Type.Integer(),
    placesLeft: Type.Integer(), competencies: Ints, youAreRegistered: Type.Boolean(),
  })),
});
export const RegistrationAnswer = Type.Object({ placesLeft: Type.Integer() });
const LearningSet = { id: Str, title: Str, focus: Str, competencies: Ints, leadPctCode: Str, facilitator: Str, pctCodes: Type.Array(Str) };
export const LearningSetsAnswer = Type.Object({ learningSets: Type.Array(Type.Object(LearningSet)) });
export const LearningSetAnswer = Type.Object({
  ...LearningSet, meetings: Type.Array(Type.Object({ id: Str, meetsOn: Str, topic: Str, notes: Str, writtenBy: Nullable(Str) })),
});
const Addresses = { competencies: Ints, addresses: Ints };
export const RecommendationsAnswer = Type.Object({
  pctCode: Str, year: Str, source: Type.Union([Type.Literal('assurance'), Type.Literal('support_demo')]),
  scores: Type.Array(Type.Object({ competency: Type.Integer(), level: Num })), weakest: Ints,
  lots: Type.Array(Type.Object({ id: Str, frameworkId: Str, lotCode: Str, title: Str, ...Addresses })),
  caseStudies: Type.Array(Type.Object({ id: Str, title: Str, summary: Str, ...Addresses })),
  events: Type.Array(Type.Object({ id: Str, title: Str, startsAt: Str, ...Addresses })),
  learningSets: Type.Array(Type.Object({ id: Str, title: Str, focus: Str, ...Addresses })),
});
export const UptakeAnswer = Type.Object({
  pcts: Type.Array(Type.Object({
    pctCode: Str, year: Str, nextYear: Str, uptake: Type.Object({ events: Type.Integer(), learningSets: Type.Integer(), contracts: Type.Integer() }),
    totalUptake: Type.Integer(), meanLevelChange: Nullable(Num),
  })),
});
