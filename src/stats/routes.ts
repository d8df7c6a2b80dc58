/** POST /api/stats/{method}: PHE indicator statistics on the caller's own rows. Public: it stores nothing. */
import type { FastifyPluginAsync } from 'fastify';
import { Type, type TSchema } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { AppError } from '../platform/errors.ts';
import { StatsInputError } from './confidence.ts';
import { STATS_OPTIONS, type OptionSpec } from './run/methods.ts';
import { STATS_METHODS, type StatsMethod, type StatsOptions } from './run/options.ts';
import { runStatsOnRows } from './run/run-rows.ts';

const Scalar = Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]);
const Rows = Type.Array(Type.Record(Type.String(), Scalar), { maxItems: 1_000_000 });

/** The body property for one option of the shared table (run/methods.ts), as the CLI parses it. */
function optionSchema(spec: OptionSpec): TSchema {
  const range = { ...(spec.min !== undefined ? (spec.exclusiveMin ? { exclusiveMinimum: spec.min } : { minimum: spec.min }) : {}), ...(spec.max !== undefined ? { maximum: spec.max } : {}) };
  switch (spec.kind) {
    case 'number': return Type.Number(range);
    case 'integer': return Type.Integer(range);
    case 'string': return Type.String();
    case 'boolean': case 'negatable': return Type.Boolean();
    case 'numbers': return Type.Union([Type.Number(), Type.Array(Type.Number(), { minItems: 1 })]);
    case 'list': return Type.Array(Type.String());
    case 'choice': return Type.Union(spec.choices!.map((c) => Type.Literal(c)));
    case 'map': return Type.Record(Type.String(), Type.String());
    case 'invert': return Type.Union([Type.Boolean(), Type.String()]);
    case 'file-rows': return Rows;
    case 'text-or-numbers': return Type.Union([Type.String(), Type.Array(Type.Number())]);
  }
}

export const StatsRequestSchema = Type.Object({
  rows: Rows,
  ...Object.fromEntries(STATS_OPTIONS.map((spec) => [spec.key, Type.Optional(optionSchema(spec))])),
}, { additionalProperties: false });
export type StatsRequest = { rows: Record<string, string | number | boolean | null>[] } & Omit<StatsOptions, 'confidence'> & { confidence?: number | number[] };

export const statsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app) => {
  app.post('/:method', {
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags: ['statistics'],
      summary: 'Compute a PHE indicator statistic (same methods and options as `wcc stats`, from one method table) on the rows sent',
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
      const base = e.source === 'observedTotals' ? '/observedTotals' : '/rows';
      const path = e.row !== null && e.row > 0 ? `${base}/${e.row - 1}${e.column ? `/${e.column}` : ''}` : e.column ? `/${e.column}` : '/';
      const where = [e.source === 'observedTotals' ? 'observed totals' : null, e.row !== null ? `row ${e.row}` : null, e.column ? `column "${e.column}"` : null].filter(Boolean).join(', ');
      throw new AppError('invalid', `${where ? `${where}: ` : ''}${e.reason}`, [{ path, message: e.reason }]);
    }
  });
};
