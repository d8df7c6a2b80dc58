// TypeBox schemas of the investment API: what the PCT enters and what the server answers.
import { Type, type Static } from '@sinclair/typebox';

const closed = { additionalProperties: false } as const;
export const Money5 = Type.Array(Type.Number(), { minItems: 5, maxItems: 5 });
export const FinancialYear = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$', description: 'financial year, e.g. 2009-10' });
export const OrgCode = Type.String({ pattern: '^[A-Za-z0-9]{3,5}$' });
export const IdParam = Type.Object({ id: Type.Integer({ minimum: 1 }) }, closed);

export const CsvBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  csv: Type.String({ minLength: 1, maxLength: 900_000 }),
}, closed);

export const RoundInput = Type.Object({
  orgCode: OrgCode,
  title: Type.String({ minLength: 3, maxLength: 200 }),
  firstYear: FinancialYear,
  budgets: Money5,
  objective: Type.Optional(Type.Union([Type.Literal('qalys'), Type.Literal('weighted')])),
  thresholdLow: Type.Optional(Type.Number({ minimum: 0 })),
  thresholdHigh: Type.Optional(Type.Number({ minimum: 0 })),
  outcomes: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 })),
}, closed);
export type RoundInput = Static<typeof RoundInput>;

export const RoundUpdate = Type.Partial(Type.Object({
  title: Type.String({ minLength: 3, maxLength: 200 }),
  budgets: Money5,
  objective: Type.Union([Type.Literal('qalys'), Type.Literal('weighted')]),
  thresholdLow: Type.Number({ minimum: 0 }),
  thresholdHigh: Type.Number({ minimum: 0 }),
  outcomes: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 20 }),
  status: Type.Union([Type.Literal('open'), Type.Literal('scoring'), Type.Literal('agreed'), Type.Literal('decided')]),
}, closed), closed);
export type RoundUpdate = Static<typeof RoundUpdate>;

export const CriteriaInput = Type.Object({
  criteria: Type.Array(Type.Object({
    code: Type.String({ pattern: '^[a-z][a-z0-9-]{0,39}$' }),
    name: Type.String({ minLength: 2, maxLength: 100 }),
    description: Type.Optional(Type.String({ maxLength: 500 })),
    swingPoints: Type.Number({ minimum: 0, maximum: 100 }),
  }, closed), { minItems: 1, maxItems: 12 }),
}, closed);
export type CriteriaInput = Static<typeof CriteriaInput>;

export const OptionInput = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9-]{0,19}$' }),
  title: Type.String({ minLength: 3, maxLength: 200 }),
  programme: Type.String({ pattern: '^[0-9]{1,2}$' }),
  kind: Type.Union([Type.Literal('investment'), Type.Literal('disinvestment')]),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  recurringCosts: Money5,
  nonRecurringCosts: Money5,
  activityChange: Type.Optional(Type.String({ maxLength: 1000 })),
  qalyLow: Type.Number(),
  qalyLikely: Type.Number(),
  qalyHigh: Type.Number(),
  costLowFactor: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
  costHighFactor: Type.Optional(Type.Number({ minimum: 1, maximum: 5 })),
  outcomes: Type.Optional(Type.Array(Type.Object({ indicatorId: Type.String({ maxLength: 100 }), trajectory: Money5 }, closed), { maxItems: 10 })),
  inequalities: Type.Optional(Type.Union([Type.Literal('narrows'), Type.Literal('neutral'), Type.Literal('widens')])),
  risk: Type.Optional(Type.Union([Type.Literal('low'), Type.Literal('medium'), Type.Literal('high')])),
  strategicFit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  evidence: Type.Optional(Type.Array(Type.Object({ title: Type.String({ maxLength: 300 }), url: Type.String({ format: 'uri', maxLength: 1000 }) }, closed), { maxItems: 20 })),
  mustDo: Type.Optional(Type.Boolean()),
  requires: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })),
  excludes: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { maxItems: 20 })),
}, closed);
export type OptionInput = Static<typeof OptionInput>;

export const ScoresInput = Type.Object({
  scores: Type.Array(Type.Object({
    optionId: Type.Integer({ minimum: 1 }), criterion: Type.String({ maxLength: 40 }),
    score: Type.Number({ minimum: 0, maximum: 10 }), comment: Type.Optional(Type.String({ maxLength: 2000 })),
  }, closed), { maxItems: 2000 }),
}, closed);
export type ScoresInput = Static<typeof ScoresInput>;

export const AgreedInput = Type.Object({
  scores: Type.Array(Type.Object({
    optionId: Type.Integer({ minimum: 1 }), criterion: Type.String({ maxLength: 40 }),
    score: Type.Number({ minimum: 0, maximum: 10 }), rationale: Type.String({ minLength: 1, maxLength: 2000 }),
  }, closed), { minItems: 1, maxItems: 2000 }),
}, closed);
export type AgreedInput = Static<typeof AgreedInput>;

export const MonteCarloInput = Type.Object({
  draws: Type.Optional(Type.Integer({ minimum: 10, maximum: 20_000, default: 1000 })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 2009 })),
  shape: Type.Optional(Type.Union([Type.Literal('pert'), Type.Literal('triangular')])),
}, closed);
export type MonteCarloInput = Static<typeof MonteCarloInput>;

export const PlanInput = Type.Object({
  orgCode: OrgCode,
  firstYear: FinancialYear,
  roundId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
  inputs: Type.Object({
    allocation: Type.Number({ exclusiveMinimum: 0 }),
    baselineByProgramme: Type.Record(Type.String({ pattern: '^[0-9]{1,2}$' }), Type.Number({ minimum: 0 })),
    scenarios: Type.Array(Type.Object({ name: Type.String({ minLength: 1, maxLength: 40 }), allocationGrowth: Money5, costGrowth: Money5 }, closed), { minItems: 1, maxItems: 5 }),
    efficiency: Money5,
    contingencyPct: Type.Number({ minimum: 0, maximum: 10 }),
    nonRecurringIncome: Money5,
  }, closed),
}, closed);
export type PlanInput = Static<typeof PlanInput>;
