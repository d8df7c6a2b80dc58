// Every feature's API, registered explicitly with its prefix. Add a feature here, once, one line.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from './app.ts';
import { platformRoutes } from './routes.ts';
import { authRoutes } from './auth/routes.ts';
import { orgRoutes } from '../orgs/index.ts';
import { statsRoutes } from '../stats/routes.ts';
import { importRoutes } from '../analytics/import/routes.ts';
import { indicatorRoutes } from '../analytics/indicators/index.ts';
import { areaRoutes, outcomeOrgRoutes, outcomeRoutes } from '../outcomes/index.ts';
import { assuranceRoutes } from '../assurance/routes.ts';
import { riskRoutes } from '../needs/index.ts';
import { investmentRoutes } from '../investment/index.ts';
import { procurementRoutes } from '../procurement/index.ts';

export interface Feature {
  prefix: string;
  plugin: FastifyPluginAsync<{ deps: AppDeps }>;
}

export const features: Feature[] = [
  { prefix: '/api', plugin: platformRoutes },
  { prefix: '/api', plugin: authRoutes },
  { prefix: '/api/orgs', plugin: orgRoutes },
  { prefix: '/api/stats', plugin: statsRoutes },
  { prefix: '/api/imports', plugin: importRoutes },
  { prefix: '/api/indicators', plugin: indicatorRoutes },
  { prefix: '/api/areas', plugin: areaRoutes },
  { prefix: '/api/orgs', plugin: outcomeOrgRoutes },
  { prefix: '/api/outcomes', plugin: outcomeRoutes },
  { prefix: '/api', plugin: assuranceRoutes },
  { prefix: '/api/risk', plugin: riskRoutes },
  { prefix: '/api/investment', plugin: investmentRoutes },
  { prefix: '/api', plugin: procurementRoutes },
];
