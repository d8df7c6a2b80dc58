// GET /api/orgs and GET /api/orgs/{code}: the organisation tree is public reference data.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { findOrganisations } from './repo.ts';
import { checkDate, organisationDetail } from './service.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const OrganisationSchema = Type.Object({
  code: Type.String(), name: Type.String(), type: Type.String(), onsCode: Nullable(Type.String()),
  validFrom: Type.String(), validTo: Nullable(Type.String()), successorCode: Nullable(Type.String()),
  parentCode: Nullable(Type.String()),
});

export const orgRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/', {
    schema: {
      tags: ['organisations'], summary: 'Organisations, filtered by type, parent and the date they existed on',
      querystring: Type.Object({
        type: Type.Optional(Type.Union([Type.Literal('england'), Type.Literal('sha'), Type.Literal('pct')])),
        parent: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{2,10}$' })),
        asOf: Type.Optional(Type.String({ description: 'YYYY-MM-DD' })),
        q: Type.Optional(Type.String({ maxLength: 100 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ organisations: Type.Array(OrganisationSchema), count: Type.Integer() }) },
    },
  }, async (request) => {
    const q = request.query as { type?: string; parent?: string; asOf?: string; q?: string };
    const organisations = await findOrganisations(deps.db, {
      type: q.type, parent: q.parent?.toUpperCase(), asOf: checkDate(q.asOf, 'asOf'), search: q.q,
    });
    return { organisations, count: organisations.length };
  });

  app.get('/:code', {
    schema: {
      tags: ['organisations'], summary: 'One organisation with its parent, children and successor',
      params: Type.Object({ code: Type.String({ pattern: '^[A-Za-z0-9]{2,10}$' }) }),
      querystring: Type.Object({ asOf: Type.Optional(Type.String()) }, { additionalProperties: false }),
      response: {
        200: Type.Intersect([OrganisationSchema, Type.Object({
          parent: Type.Union([OrganisationSchema, Type.Null()]), children: Type.Array(OrganisationSchema),
          successor: Type.Union([OrganisationSchema, Type.Null()]),
        })]),
      },
    },
  }, async (request) => {
    const { code } = request.params as { code: string };
    const { asOf } = request.query as { asOf?: string };
    return organisationDetail(deps.db, code, checkDate(asOf, 'asOf'));
  });
};
