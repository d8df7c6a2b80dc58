// The procurement and support feature: frameworks, mini-competitions, contracts, open contracting
// (this folder) and share-and-build with matching support to need (src/support), under /api.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { procurementCoreRoutes } from './routes.ts';
import { procurementEvaluationRoutes } from './routes-evaluation.ts';
import { procurementContractRoutes } from './routes-contracts.ts';
import { supportRoutes } from '../support/index.ts';

export const procurementRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(procurementCoreRoutes, { prefix: '/procurement', deps });
  await app.register(procurementEvaluationRoutes, { prefix: '/procurement', deps });
  await app.register(procurementContractRoutes, { deps });
  await app.register(supportRoutes, { prefix: '/support', deps });
};

export { seedProcurementDemo } from './seed.ts';
