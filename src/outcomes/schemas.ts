// TypeBox schemas of the outcomes feature's requests (params, queries, bodies). Responses are the
// services' view types; the web app reads them through src/web/features/outcomes/api.ts.
import { Type } from '@sinclair/typebox';

const strict = { additionalProperties: false } as const;
export const CodeParams = Type.Object({ code: Type.String({ minLength: 2, maxLength: 10, pattern: '^[A-Za-z0-9]+$' }) }, strict);
export const Period = Type.String({ pattern: '^[0-9]{4}(-[0-9]{2,4})?$' });
export const CycleYear = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' });
export const BenchmarkKind = Type.Union([Type.Literal('england'), Type.Literal('parent'), Type.Literal('peers')]);
export const CompareGroup = Type.Union([Type.Literal('sha'), Type.Literal('all'), Type.Literal('peers')]);
export const ChartKind = Type.Union(['spine', 'compare', 'funnel', 'trend', 'inequalities', 'heatmap', 'pyramid'].map((k) => Type.Literal(k)));
export const ChartFormat = Type.Union(['json', 'svg', 'png', 'csv'].map((k) => Type.Literal(k)));

export const ProfileQuery = Type.Object({ period: Type.Optional(Period), benchmark: Type.Optional(BenchmarkKind) }, strict);
export const CompareQuery = Type.Object({
  indicator: Type.String({ minLength: 1, maxLength: 80 }), period: Type.Optional(Period), group: Type.Optional(CompareGroup),
  overdispersion: Type.Optional(Type.Boolean()),
}, strict);
export const IndicatorQuery = Type.Object({ indicator: Type.String({ minLength: 1, maxLength: 80 }), period: Type.Optional(Period) }, strict);
export const PeriodQuery = Type.Object({ period: Type.Optional(Period) }, strict);
export const ChartParams = Type.Object({ code: CodeParams.properties.code, kind: ChartKind }, strict);
export const ChartQuery = Type.Object({
  format: Type.Optional(ChartFormat), period: Type.Optional(Period), benchmark: Type.Optional(BenchmarkKind),
  indicator: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })), group: Type.Optional(CompareGroup), overdispersion: Type.Optional(Type.Boolean()),
}, strict);

export const CycleQuery = Type.Object({ cycle: Type.Optional(CycleYear) }, strict);
export const ProposalQuery = Type.Object({ cycle: Type.Optional(CycleYear), indicator: Type.String({ minLength: 1, maxLength: 80 }) }, strict);
export const ChoicesBody = Type.Object({
  choices: Type.Array(Type.Object({
    indicatorId: Type.String({ minLength: 1, maxLength: 80 }),
    targetBasis: Type.Union(['best-quartile', 'best-decile', 'best-observed', 'peer-best-quartile', 'peer-best-decile', 'peer-best-observed', 'custom'].map((k) => Type.Literal(k))),
    targetValue: Type.Optional(Type.Number()),
    shape: Type.Union([Type.Literal('linear'), Type.Literal('constant-percentage')]),
    rationale: Type.String({ maxLength: 4000 }),
  }, strict), { maxItems: 40 }),
}, strict);
export const CommentBody = Type.Object({ comment: Type.Optional(Type.String({ maxLength: 4000 })) }, strict);
export const NoteBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 4000 }) }, strict);
export const ShaQuery = Type.Object({ cycle: Type.Optional(CycleYear), sha: Type.String({ minLength: 3, maxLength: 3 }) }, strict);
