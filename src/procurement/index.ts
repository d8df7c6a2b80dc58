// The procurement and support feature: frameworks, mini-competitions, contracts, open contracting
// (this folder) and share-and-build with matching support to need (src/support), under /api.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { procurementCoreRoutes } from './routes.ts';
import { procurementEvaluationRoutes } from './routes-evaluation.ts';
import { procurementContractRoutes } from './routes-contracts.ts';
import { procurementFileRoutes } from './routes-files.ts';
import { lazyBidKek } from './plugin-options.ts';
import { supportRoutes } from '../support/index.ts';

export const procurementRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const kek = lazyBidKek(deps.config.dataDir);
  await app.register(procurementCoreRoutes, { prefix: '/procurement', deps, kek });
  await app.register(procurementEvaluationRoutes, { prefix: '/procurement', deps, kek });
  await app.register(procurementFileRoutes, { prefix: '/procurement', deps, kek });
  await app.register(procurementContractRoutes, { deps });
  await app.register(supportRoutes, { prefix: '/support', deps });
};

export { seedProcurementDemo } from './seed.ts';
export { loadBidKek } from './bid-kek.ts';
