// TypeBox schemas of the risk stratification API (/api/risk).
import { Type } from '@sinclair/typebox';

const Code = Type.String({ pattern: '^[A-Za-z0-9]{3}$', description: 'PCT code (e.g. 5C2) or ENG for England' });
export const AreaParams = Type.Object({ code: Code }, { additionalProperties: false });

export const ModelSummary = Type.Object({
  version: Type.Integer(), trainYear: Type.String(), testYear: Type.String(), lookbackYears: Type.Integer(), lambda: Type.Number(),
  auroc: Type.Number(), aurocLower95: Type.Number(), aurocUpper95: Type.Number(), baselineAuroc: Type.Number(),
  trainPeople: Type.Integer(), testPeople: Type.Integer(), createdAt: Type.String(), createdBy: Type.Union([Type.String(), Type.Null()]),
}, { additionalProperties: false });

export const ModelList = Type.Object({ models: Type.Array(ModelSummary) }, { additionalProperties: false });

export const ModelDetail = Type.Object({
  model: ModelSummary,
  intercept: Type.Number(),
  coefficients: Type.Array(Type.Object({ name: Type.String(), label: Type.String(), coefficient: Type.Number() }, { additionalProperties: false })),
  performance: Type.Unknown({ description: 'people, events, prevalence; model and baseline: AUROC with 95% CI, PPV and sensitivity at the top 0.5/1/5%; calibration by decile; fairness by sex, age band and deprivation quintile (groups under 5 suppressed)' }),
}, { additionalProperties: false });

export const ModelQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) }, { additionalProperties: false });

export const TrainBody = Type.Object({
  testYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100, description: 'financial year (start) held out for testing; default the latest' })),
  lambda: Type.Optional(Type.Number({ minimum: 0, maximum: 10000 })),
}, { additionalProperties: false });

export const ScoreBody = Type.Object({}, { additionalProperties: false });
export const JobAccepted = Type.Object({ jobId: Type.String() }, { additionalProperties: false });

export const AreaViewsResponse = Type.Object({
  runId: Type.String(), modelVersion: Type.Integer(), scoreYear: Type.String(), createdAt: Type.String(),
  views: Type.Unknown({ description: 'population, pyramid (segment × tier), cost concentration (Lorenz points, top 1/5/20% shares), high-cost group, opportunity by programme; counts under 5 are null' }),
}, { additionalProperties: false });

export const PatientQuery = Type.Object({
  segment: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
  tier: Type.Optional(Type.String({ pattern: '^[a-z_]{2,40}$' })),
  minRisk: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
}, { additionalProperties: false });

const Patient = Type.Object({
  pseudonym: Type.String({ description: 'HES pseudonym (PSEUDO_HESID); never a name' }), risk: Type.Number(), tier: Type.String(), segment: Type.String(),
  age: Type.Union([Type.Integer(), Type.Null()]), sex: Type.Union([Type.String(), Type.Null()]), imdQuintile: Type.Union([Type.Integer(), Type.Null()]),
  emergencyAdmissions: Type.Integer(), aeAttendances: Type.Integer(), bedDays: Type.Integer(), cost: Type.Number(), longTermConditions: Type.Integer(),
  conditions: Type.Array(Type.String()),
}, { additionalProperties: false });

export const PatientList = Type.Object({
  runId: Type.String(), scoreYear: Type.String(), total: Type.Integer(), patients: Type.Array(Patient),
}, { additionalProperties: false });
