// The investment API at a glance (prefix /api/investment):
//   programme budgets  POST imports/{spend|population|outcomes}, GET programme-budget, GET spend-outcome, GET programmes
//   rounds             GET/POST rounds, GET/PUT rounds/{id}, PUT rounds/{id}/criteria, POST rounds/{id}/options,
//                      DELETE options/{id}
//   panel              GET rounds/{id}/panel, PUT rounds/{id}/panel/scores, POST rounds/{id}/panel/submit, PUT rounds/{id}/panel/agreed
//   optimiser          POST rounds/{id}/optimise, POST rounds/{id}/monte-carlo, GET rounds/{id}/runs
//   plans              PUT plans, GET plans/{org}/{firstYear}, GET risk-rating/{org}/{year}
//   board paper        GET rounds/{id}/board-paper (JSON), GET rounds/{id}/board-paper.pdf
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { spendRoutes } from './routes-spend.ts';
import { roundRoutes } from './routes-rounds.ts';
import { planRoutes } from './routes-plans.ts';

export const investmentRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(spendRoutes, { deps });
  await app.register(roundRoutes, { deps });
  await app.register(planRoutes, { deps });
};
