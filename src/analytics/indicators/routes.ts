// The indicator API. Published values are public data: reading needs no sign-in. Starting a
// computation is a job that national admins and PCT analysts may enqueue.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/app.ts';
import { authorize, requirePrincipal } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/errors.ts';
import { loadCatalogue } from './catalogue.ts';
import { findValues, getIndicator, listIndicators, syncCatalogue } from './repo.ts';
import {
  ComputeBody, ComputeResponse, IndicatorDetailSchema, IndicatorIdParams, IndicatorListSchema, ValuesQuery, ValuesResponse,
} from './schemas.ts';
import { COMPUTE_JOB, computeJobHandler } from './job.ts';

export const indicatorRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  deps.jobs.register(COMPUTE_JOB, computeJobHandler(deps.config.dataDir));
  let synced = false;
  const ensureCatalogue = async () => {
    if (!synced) { await syncCatalogue(deps.db, loadCatalogue()); synced = true; }
  };

  app.get('/', {
    schema: { tags: ['indicators'], summary: 'The indicator catalogue with the periods that have values', response: { 200: IndicatorListSchema } },
  }, async () => {
    await ensureCatalogue();
    const indicators = await listIndicators(deps.db);
    return { indicators, count: indicators.length };
  });

  app.get('/:id', {
    schema: { tags: ['indicators'], summary: 'One indicator and its full definition', params: IndicatorIdParams, response: { 200: IndicatorDetailSchema } },
  }, async (request) => {
    await ensureCatalogue();
    const { id } = request.params as { id: string };
    const found = await getIndicator(deps.db, id);
    if (!found) throw new AppError('not_found', `No indicator ${id}.`);
    return { indicator: found.summary, definition: found.definition as unknown as Record<string, unknown> };
  });

  app.get('/:id/values', {
    schema: {
      tags: ['indicators'], summary: 'Values by area, period and breakdown, with limits and benchmark comparisons',
      params: IndicatorIdParams, querystring: ValuesQuery, response: { 200: ValuesResponse },
    },
  }, async (request) => {
    await ensureCatalogue();
    const { id } = request.params as { id: string };
    const q = request.query as { areaType?: string; period?: string; breakdown?: string; area?: string };
    const found = await getIndicator(deps.db, id);
    if (!found) throw new AppError('not_found', `No indicator ${id}.`);
    const rows = await findValues(deps.db, { indicatorId: id, ...q, area: q.area?.toUpperCase() });
    const values = rows.map((r) => ({
      areaCode: String(r.area_code), areaType: String(r.area_type), period: String(r.period), breakdown: String(r.breakdown),
      numerator: r.numerator as number | null, denominator: r.denominator as number | null, value: r.value as number | null,
      lower95_0cl: r.lower95_0cl as number | null, upper95_0cl: r.upper95_0cl as number | null,
      lower99_8cl: r.lower99_8cl as number | null, upper99_8cl: r.upper99_8cl as number | null,
      comparedToEngland: r.compared_to_england as string | null, comparedToParent: r.compared_to_parent as string | null,
      note: r.note as string | null,
    }));
    return { indicatorId: id, unit: found.summary.unit, polarity: found.summary.polarity, values, count: values.length };
  });

  app.post('/compute', {
    schema: {
      tags: ['indicators'], summary: 'Start computing indicators (a job; progress at GET /api/jobs/{id})',
      body: ComputeBody, response: { 202: ComputeResponse },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    authorize(principal, 'analytics:import');
    const body = (request.body ?? {}) as { indicator?: string; year?: number; force?: boolean };
    if (body.indicator) {
      const def = loadCatalogue().find((d) => d.id === body.indicator);
      if (!def) throw new AppError('not_found', `No indicator ${body.indicator}.`);
      if (!def.computed) throw new AppError('invalid', `${body.indicator} takes its values from uploads; there is nothing to compute.`);
    }
    const jobId = await deps.jobs.enqueue(COMPUTE_JOB, { ...body, computedBy: principal.userId }, principal.userId);
    return reply.code(202).send({ jobId });
  });
};
