/** POST /api/stats/{method}: PHE indicator statistics on the caller's own rows. Public: it stores nothing. */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { AppError } from '../platform/errors.ts';
import { StatsInputError } from './confidence.ts';
import { STATS_METHODS, type StatsMethod, type StatsOptions } from './run/options.ts';
import { runStatsOnRows } from './run/run-rows.ts';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
export const StatsRequestSchema = Type.Object({
  rows: Type.Array(Type.Record(Type.String(), Scalar), { maxItems: 1_000_000 }),
  groupBy: Type.Optional(Type.Array(Type.String())),
  confidence: Type.Optional(Type.Union([Type.Number(), Type.Array(Type.Number(), { minItems: 1 })])),
  multiplier: Type.Optional(Type.Number()),
  map: Type.Optional(Type.Record(Type.String(), Type.String())),
  standard: Type.Optional(Type.Literal('esp2013')),
  nonIndependent: Type.Optional(Type.Boolean()),
  refValue: Type.Optional(Type.Number()),
  quantiles: Type.Optional(Type.Integer({ minimum: 1 })),
  invert: Type.Optional(Type.Union([Type.Boolean(), Type.String()])),
  valueType: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2)])),
  transform: Type.Optional(Type.Boolean()),
  rii: Type.Optional(Type.Boolean()),
  repetitions: Type.Optional(Type.Integer({ minimum: 10, maximum: 1_000_000 })),
  seed: Type.Optional(Type.Integer()),
  statistic: Type.Optional(Type.Union([Type.Literal('proportion'), Type.Literal('ratio'), Type.Literal('rate')])),
  ratioType: Type.Optional(Type.Union([Type.Literal('count'), Type.Literal('isr')])),
  rateType: Type.Optional(Type.Union([Type.Literal('dsr'), Type.Literal('crude')])),
  years: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
}, { additionalProperties: false });
export type StatsRequest = Static<typeof StatsRequestSchema>;

export const statsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app) => {
  app.post('/:method', {
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags: ['statistics'],
      summary: 'Compute a PHE indicator statistic (same methods and options as `wcc stats`) on the rows sent',
      params: Type.Object({ method: Type.Union(STATS_METHODS.map((m) => Type.Literal(m))) }),
      body: StatsRequestSchema,
      response: { 200: Type.Object({ columns: Type.Array(Type.String()), rows: Type.Array(Type.Record(Type.String(), Scalar)) }) },
    },
  }, async (request) => {
    const { method } = request.params as { method: StatsMethod };
    const { rows, confidence, ...rest } = request.body as StatsRequest;
    const options: StatsOptions = { ...rest, confidence: confidence === undefined ? undefined : Array.isArray(confidence) ? confidence : [confidence] };
    try {
      const result = await runStatsOnRows(method, rows, options);
      return {
        columns: result.columns,
        rows: result.rows.map((cells) => Object.fromEntries(result.columns.map((c, i) => {
          const v = cells[i];
          return [c, typeof v === 'number' && !Number.isFinite(v) ? null : v === '' ? null : v];
        }))),
      };
    } catch (e) {
      if (!(e instanceof StatsInputError)) throw e;
      const path = e.row !== null ? `/rows/${e.row - 1}${e.column ? `/${e.column}` : ''}` : e.column ? `/${e.column}` : '/';
      const where = [e.row !== null ? `row ${e.row}` : null, e.column ? `column "${e.column}"` : null].filter(Boolean).join(', ');
      throw new AppError('invalid', `${where ? `${where}: ` : ''}${e.reason}`, [{ path, message: e.reason }]);
    }
  });
};
