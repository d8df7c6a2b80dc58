// Platform endpoints: health, jobs and the audit trail.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from './app.ts';
import { AppError } from './errors.ts';
import { authorize, can, readableScope, requirePrincipal } from './auth/policy.ts';
import { listAudit } from './audit.ts';

export const platformRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/health', {
    schema: {
      tags: ['platform'], summary: 'Service and database status',
      response: {
        200: Type.Object({ status: Type.String(), database: Type.Object({ status: Type.String(), version: Type.String(), migrations: Type.Integer() }), version: Type.String() }),
        503: Type.Object({ type: Type.String(), title: Type.String(), status: Type.Integer(), detail: Type.String(), instance: Type.String() }),
      },
    },
  }, async (_request, reply) => {
    try {
      const { rows } = await deps.db.query(
        `SELECT current_setting('server_version') AS version, (SELECT count(*) FROM schema_migrations) AS migrations`);
      return { status: 'ok', version: deps.version, database: { status: 'ok', version: rows[0].version, migrations: rows[0].migrations } };
    } catch (err) {
      return reply.code(503).type('application/problem+json').send({
        type: 'about:blank', title: 'Service unavailable', status: 503, detail: `The database is not answering: ${(err as Error).message}`, instance: '/api/health',
      });
    }
  });

  app.get('/jobs/:id', {
    schema: {
      tags: ['jobs'], summary: 'Status, progress and result of a long-running job',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
    },
  }, async (request) => {
    const principal = requirePrincipal(request.principal);
    const job = await deps.jobs.get((request.params as { id: string }).id);
    // A job someone else started is reported as absent, so its existence does not leak.
    if (!job || (job.createdBy !== principal.userId && !can(principal, 'jobs:read-any'))) {
      throw new AppError('not_found', 'There is no such job.');
    }
    return job;
  });

  app.get('/audit', {
    schema: {
      tags: ['audit'], summary: 'The audit trail, newest first, limited to what you may see',
      querystring: Type.Object({
        object: Type.Optional(Type.String({ maxLength: 200, description: 'objectType or objectType:objectId' })),
        org: Type.Optional(Type.String({ maxLength: 20 })),
        before: Type.Optional(Type.Integer({ minimum: 1 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    authorize(request.principal, 'audit:read');
    const q = request.query as { object?: string; org?: string; before?: number; limit?: number };
    const [objectType, ...rest] = (q.object ?? '').split(':');
    const entries = await listAudit(deps.db, {
      objectType: objectType || undefined, objectId: rest.length ? rest.join(':') : undefined,
      orgCode: q.org, beforeId: q.before, limit: q.limit ?? 100,
    }, readableScope(request.principal));
    return { entries };
  });
};
