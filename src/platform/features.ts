// Every feature's API, registered explicitly with its prefix. Add a feature here, once.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from './app.ts';
import { platformRoutes } from './routes.ts';
import { authRoutes } from './auth/routes.ts';
import { orgRoutes } from '../orgs/index.ts';
import { statsRoutes } from '../stats/routes.ts';
import { areaRoutes, outcomeOrgRoutes, outcomeRoutes } from '../outcomes/index.ts';
import { areaRoutes, outcomeOrgRoutes, outcomeRoutes } from '../outcomes/index.ts';
import { assuranceRoutes } from '../assurance/routes.ts';
import { riskRoutes } from '../needs/index.ts';
import { riskRoutes } from '../needs/index.ts';

export interface Feature {
  prefix: string;
  plugin: FastifyPluginAsync<{ deps: AppDeps }>;
}

export const features: Feature[] = [
  { prefix: '/api', plugin: platformRoutes },
  { prefix: '/api', plugin: authRoutes },
  { prefix: '/api/orgs', plugin: orgRoutes },
  { prefix: '/api/investment', plugin: (await import('../investment/index.ts')).investmentRoutes },
  { prefix: '/api', plugin: (await import('../procurement/index.ts')).procurementRoutes },
  { prefix: '/api/stats', plugin: statsRoutes },
  { prefix: '/api/areas', plugin: areaRoutes }, { prefix: '/api/orgs', plugin: outcomeOrgRoutes }, { prefix: '/api/outcomes', plugin: outcomeRoutes },
  { prefix: '/api/areas', plugin: areaRoutes }, { prefix: '/api/orgs', plugin: outcomeOrgRoutes }, { prefix: '/api/outcomes', plugin: outcomeRoutes },
  { prefix: '/api', plugin: assuranceRoutes },
  { prefix: '/api/risk', plugin: riskRoutes },
  { prefix: '/api/risk', plugin: riskRoutes },
];
