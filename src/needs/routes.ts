// /api/risk: model versions and performance, train and score jobs, population views per PCT and
// England (aggregates, suppressed under 5), and patient-level case-finding lists — only for a PCT's own
// commissioners and analysts (patients:read), pseudonyms only, every view and export audited.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { authorize, requirePrincipal } from '../platform/auth/policy.ts';
import { AppError } from '../platform/errors.ts';
import { shaOf } from '../orgs/index.ts';
import * as repo from './repo.ts';
import { areaViews, listPatients, patientsToCsv, type PatientQuery as PatientQueryType } from './service.ts';
import { calibrationSpec, lorenzSpec, pyramidSpec, renderSvg } from './charts.ts';
import { loadSegmentation } from './segments.ts';
import { Type } from '@sinclair/typebox';
import { SCORE_JOB, TRAIN_JOB, scoreJobHandler, trainJobHandler } from './job.ts';
import {
  AreaParams, AreaViewsResponse, JobAccepted, ModelDetail, ModelList, ModelQuery, PatientList, PatientQuery, ScoreBody, TrainBody,
} from './schemas.ts';

const summary = (m: repo.ModelRow) => ({
  version: m.version, trainYear: m.trainYear, testYear: m.testYear, lookbackYears: m.lookbackYears, lambda: m.lambda,
  auroc: m.performance.model.auroc.value, aurocLower95: m.performance.model.auroc.lower95, aurocUpper95: m.performance.model.auroc.upper95,
  baselineAuroc: m.performance.baseline.auroc.value, trainPeople: m.trainPeople, testPeople: m.performance.people,
  createdAt: m.createdAt, createdBy: m.createdBy,
});

export const riskRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  deps.jobs.register(TRAIN_JOB, trainJobHandler(deps.config.dataDir));
  deps.jobs.register(SCORE_JOB, scoreJobHandler(deps.config.dataDir));
  const db = deps.db;

  const pctTarget = async (code: string) => {
    const upper = code.toUpperCase();
    return { orgCode: upper, shaCode: await shaOf(db, upper) };
  };

  app.get('/models', { schema: { tags: ['risk'], summary: 'Risk model versions with their held-out performance', response: { 200: ModelList } } }, async (request) => {
    authorize(requirePrincipal(request.principal), 'org-data:read');
    return { models: (await repo.listModels(db)).map(summary) };
  });

  app.get('/model', {
    schema: { tags: ['risk'], summary: 'One model version (default the latest): coefficients, calibration, fairness', querystring: ModelQuery, response: { 200: ModelDetail } },
  }, async (request) => {
    authorize(requirePrincipal(request.principal), 'org-data:read');
    const { version } = request.query as { version?: number };
    const m = await repo.getModel(db, version);
    if (!m) throw new AppError('not_found', version ? `No risk model version ${version}.` : 'No risk model has been trained yet.');
    return { model: summary(m), intercept: m.intercept, coefficients: m.coefficients, performance: m.performance };
  });

  app.post('/train', { schema: { tags: ['risk'], summary: 'Train a new model version (a job)', body: TrainBody, response: { 202: JobAccepted } } }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    authorize(principal, 'analytics:import', { orgCode: 'ENG' });
    const body = (request.body ?? {}) as { testYear?: number; lambda?: number };
    return reply.code(202).send({ jobId: await deps.jobs.enqueue(TRAIN_JOB, { ...body, createdBy: principal.email }, principal.userId) });
  });

  app.post('/score', { schema: { tags: ['risk'], summary: 'Score every person with the latest model and rebuild the views (a job)', body: ScoreBody, response: { 202: JobAccepted } } }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    authorize(principal, 'analytics:import', { orgCode: 'ENG' });
    return reply.code(202).send({ jobId: await deps.jobs.enqueue(SCORE_JOB, { createdBy: principal.email }, principal.userId) });
  });

  app.get('/areas/:code', {
    schema: { tags: ['risk'], summary: 'Population views of a PCT (or ENG): pyramid, cost concentration, high-cost group, opportunity', params: AreaParams, response: { 200: AreaViewsResponse } },
  }, async (request) => {
    const principal = requirePrincipal(request.principal);
    const code = (request.params as { code: string }).code.toUpperCase();
    authorize(principal, 'org-data:read', code === 'ENG' ? {} : await pctTarget(code));
    const { run, views } = await areaViews(db, code);
    return { runId: run.id, modelVersion: run.modelVersion, scoreYear: run.scoreYear, createdAt: run.createdAt, views };
  });

  app.get('/areas/:code/patients', {
    schema: { tags: ['risk'], summary: 'Case-finding list (pseudonyms) for the PCT\'s own commissioners and analysts; audited', params: AreaParams, querystring: PatientQuery, response: { 200: PatientList } },
  }, async (request) => {
    const principal = requirePrincipal(request.principal);
    const code = (request.params as { code: string }).code.toUpperCase();
    authorize(principal, 'patients:read', await pctTarget(code));
    const r = await listPatients(db, principal, code, request.query as PatientQueryType);
    return { runId: r.run.id, scoreYear: r.run.scoreYear, total: r.total, patients: r.patients };
  });

  app.get('/areas/:code/patients.csv', {
    schema: { tags: ['risk'], summary: 'Export the filtered case-finding list as CSV (pseudonyms); audited', params: AreaParams, querystring: PatientQuery },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    const code = (request.params as { code: string }).code.toUpperCase();
    authorize(principal, 'patients:read', await pctTarget(code));
    const r = await listPatients(db, principal, code, request.query as PatientQueryType, true);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="risk-${code}-${r.run.scoreYear}.csv"`).send(patientsToCsv(r.patients));
  });

  const svg = (reply: import('fastify').FastifyReply, body: string) => reply.type('image/svg+xml').header('cache-control', 'private, max-age=60').send(body);

  app.get('/charts/calibration.svg', {
    schema: { tags: ['risk'], summary: 'Calibration plot of a model version (SVG)', querystring: ModelQuery },
  }, async (request, reply) => {
    authorize(requirePrincipal(request.principal), 'org-data:read');
    const m = await repo.getModel(db, (request.query as { version?: number }).version);
    if (!m) throw new AppError('not_found', 'No risk model has been trained yet.');
    return svg(reply, await renderSvg(calibrationSpec(m.performance, m.testYear, m.version)));
  });

  app.get('/areas/:code/charts/:kind', {
    schema: { tags: ['risk'], summary: 'Lorenz curve or segment pyramid of an area (SVG)',
      params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9]{3}$' }), kind: Type.Union([Type.Literal('lorenz.svg'), Type.Literal('pyramid.svg')]) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    const { code: raw, kind } = request.params as { code: string; kind: string };
    const code = raw.toUpperCase();
    authorize(principal, 'org-data:read', code === 'ENG' ? {} : await pctTarget(code));
    const { run, views } = await areaViews(db, code);
    if (kind === 'lorenz.svg') {
      const england = code === 'ENG' ? null : await repo.getAreaViews(db, run.id, 'ENG');
      return svg(reply, await renderSvg(lorenzSpec(views, england)));
    }
    const seg = loadSegmentation();
    return svg(reply, await renderSvg(pyramidSpec(views, Object.fromEntries(seg.segments.map((s) => [s.id, s.label])), Object.fromEntries(seg.tiers.map((t) => [t.id, t.label])))));
  });
};
