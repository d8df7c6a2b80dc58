// TypeBox schemas of the indicator API.
import { Type } from '@sinclair/typebox';

const Id = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);
const NullableString = Type.Union([Type.String(), Type.Null()]);

export const IndicatorIdParams = Type.Object({ id: Id });

export const IndicatorSummarySchema = Type.Object({
  id: Type.String(), title: Type.String(), domain: Type.String(), method: Type.String(), computed: Type.Boolean(),
  polarity: Type.String(), unit: Type.String(), multiplier: Type.Number(), periodType: Type.String(),
  vitalSigns: NullableString, periods: Type.Array(Type.String()),
});

export const IndicatorListSchema = Type.Object({ indicators: Type.Array(IndicatorSummarySchema), count: Type.Integer() });

export const IndicatorDetailSchema = Type.Object({
  indicator: IndicatorSummarySchema,
  definition: Type.Record(Type.String(), Type.Unknown(), { description: 'the catalogue entry (docs/INDICATORS.md)' }),
});

export const ValuesQuery = Type.Object({
  areaType: Type.Optional(Type.String({ pattern: '^[a-z_]{2,20}$', description: 'england, sha, pct, la' })),
  period: Type.Optional(Type.String({ pattern: '^[0-9]{4}(-[0-9]{2,4})?$', description: "'2008-09' or '2014'" })),
  breakdown: Type.Optional(Type.String({ pattern: '^[a-z0-9_]{2,40}$', description: 'persons, male, female, imd_quintile_1 … 5' })),
  area: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9+]{2,20}$', description: 'one area code' })),
}, { additionalProperties: false });

export const IndicatorValueSchema = Type.Object({
  areaCode: Type.String(), areaType: Type.String(), period: Type.String(), breakdown: Type.String(),
  numerator: NullableNumber, denominator: NullableNumber, value: NullableNumber,
  lower95_0cl: NullableNumber, upper95_0cl: NullableNumber, lower99_8cl: NullableNumber, upper99_8cl: NullableNumber,
  comparedToEngland: NullableString, comparedToParent: NullableString, note: NullableString,
});

export const ValuesResponse = Type.Object({
  indicatorId: Type.String(), unit: Type.String(), polarity: Type.String(),
  values: Type.Array(IndicatorValueSchema), count: Type.Integer(),
});

export const ComputeBody = Type.Object({
  indicator: Type.Optional(Id),
  year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
  force: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });

export const ComputeResponse = Type.Object({ jobId: Type.String() });
