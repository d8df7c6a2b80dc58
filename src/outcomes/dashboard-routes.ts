// /api/outcomes: cycles, the catalogue menu, and the SHA and national progress dashboards.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import { listCycles } from './selection-repo.ts';
import { loadCatalogueEntries } from './profile-repo.ts';
import { nationalProgress, shaProgress } from './progress-service.ts';
import { CycleQuery, ShaQuery } from './schemas.ts';

export const outcomeRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get('/cycles', { schema: { tags: ['outcomes'], summary: 'Outcome cycles and their configuration' } }, async () => ({ cycles: await listCycles(db) }));
  app.get('/menu', { schema: { tags: ['outcomes'], summary: 'Indicators that can be chosen as local outcomes (those with a polarity)' } },
    async () => ({ indicators: (await loadCatalogueEntries(db)).filter((e) => e.polarity !== 'no-judgement') }));
  app.get('/progress/sha', { schema: { tags: ['outcomes'], summary: 'Progress of every PCT in an SHA', querystring: ShaQuery } },
    async (req) => { const q = req.query as { sha: string; cycle?: string }; return shaProgress(db, req.principal, q.sha.toUpperCase(), q.cycle); });
  app.get('/progress/national', { schema: { tags: ['outcomes'], summary: 'National summary: outcomes chosen most often, PCTs on track', querystring: CycleQuery } },
    async (req) => nationalProgress(db, requirePrincipal(req.principal), (req.query as { cycle?: string }).cycle));
};
