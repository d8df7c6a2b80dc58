// The assurance API at a glance, under /api: cycles, self-assessment and evidence, the 360° survey
// (stakeholders use /api/survey/{token} without an account), panels, calibration, ratings and autonomy,
// panel reports, and the published results with open data at /api/open-data/assurance/{year}.csv|json.
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import type { AppDeps } from '../platform/app.ts';
import { MAX_EVIDENCE_BYTES } from './file-type.ts';
import { cycleRoutes } from './cycle-routes.ts';
import { selfAssessmentRoutes } from './self-assessment-routes.ts';
import { surveyRoutes } from './survey-routes.ts';
import { panelRoutes } from './panel-routes.ts';
import { resultsRoutes } from './results-routes.ts';

export const assuranceRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_EVIDENCE_BYTES, files: 1, fields: 10, fieldSize: 10_000 } });
  await app.register(cycleRoutes, { deps });
  await app.register(selfAssessmentRoutes, { deps });
  await app.register(surveyRoutes, { deps });
  await app.register(panelRoutes, { deps });
  await app.register(resultsRoutes, { deps });
};
