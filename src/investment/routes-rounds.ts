// Prioritisation round endpoints: rounds, criteria, options, panel scoring and the optimiser.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { AgreedInput, CriteriaInput, IdParam, MonteCarloInput, OptionInput, OrgCode, RoundInput, RoundUpdate, ScoresInput } from './schemas.ts';
import type { AgreedInput as Agreed, CriteriaInput as Criteria, MonteCarloInput as Mc, OptionInput as Opt, RoundInput as RIn, RoundUpdate as RUp, ScoresInput as Scores } from './schemas.ts';
import { createRound, listRounds, removeOption, roundDetail, saveOption, setCriteria, updateRound, loadRound } from './rounds-service.ts';
import { agreeScores, panelView, saveMyScores, submitMyScores } from './panel-service.ts';
import { latestRuns, monteCarloRound, optimiseRound } from './optimise-service.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const closed = { additionalProperties: false } as const;
const tags = ['investment'];

export const roundRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db;
  const idOf = (r: { params: unknown }) => (r.params as { id: number }).id;

  app.get('/rounds', {
    schema: { tags, summary: 'Prioritisation rounds you may see', querystring: Type.Object({ org: Type.Optional(OrgCode) }, closed), response: { 200: Loose } },
  }, async (request) => ({ rounds: await listRounds(db, request.principal, (request.query as { org?: string }).org ?? null) }));

  app.post('/rounds', { schema: { tags, summary: 'Open a prioritisation round for a PCT', body: RoundInput, response: { 201: Loose } } },
    async (request, reply) => reply.code(201).send(await createRound(db, request.principal, request.body as RIn)));

  app.get('/rounds/:id', { schema: { tags, summary: 'A round with its criteria, weights and options (cost per QALY, weighted value)', params: IdParam, response: { 200: Loose } } },
    async (request) => roundDetail(db, request.principal, idOf(request)));

  app.put('/rounds/:id', { schema: { tags, summary: 'Change the given fields of a round (budgets, thresholds, objective, outcomes, status)', params: IdParam, body: RoundUpdate, response: { 200: Loose } } },
    async (request) => updateRound(db, request.principal, idOf(request), request.body as RUp));

  app.put('/rounds/:id/criteria', { schema: { tags, summary: 'Set the criteria and swing weights of a round', params: IdParam, body: CriteriaInput, response: { 200: Loose } } },
    async (request) => ({ criteria: await setCriteria(db, request.principal, idOf(request), request.body as Criteria) }));

  app.post('/rounds/:id/options', { schema: { tags, summary: 'Add or update (same code) an investment or disinvestment option', params: IdParam, body: OptionInput, response: { 200: Loose } } },
    async (request) => saveOption(db, request.principal, idOf(request), request.body as Opt));

  app.delete('/options/:id', { schema: { tags, summary: 'Remove an option', params: IdParam, response: { 204: Type.Null() } } },
    async (request, reply) => { await removeOption(db, request.principal, idOf(request)); return reply.code(204).send(); });

  app.get('/rounds/:id/panel', { schema: { tags, summary: "Your panel scores; everyone's once you have submitted; the agreed scores", params: IdParam, response: { 200: Loose } } },
    async (request) => panelView(db, request.principal, idOf(request)));

  app.put('/rounds/:id/panel/scores', { schema: { tags, summary: 'Save your own scores (0–10) before submitting', params: IdParam, body: ScoresInput, response: { 200: Loose } } },
    async (request) => saveMyScores(db, request.principal, idOf(request), request.body as Scores));

  app.post('/rounds/:id/panel/submit', { schema: { tags, summary: 'Submit your scores; you then see the others', params: IdParam, response: { 200: Loose } } },
    async (request) => submitMyScores(db, request.principal, idOf(request)));

  app.put('/rounds/:id/panel/agreed', { schema: { tags, summary: 'The chair records agreed scores with rationale', params: IdParam, body: AgreedInput, response: { 200: Loose } } },
    async (request) => agreeScores(db, request.principal, idOf(request), request.body as Agreed));

  app.post('/rounds/:id/optimise', { schema: { tags, summary: 'Choose the portfolio that maximises value within each year\'s budget (exact MIP)', params: IdParam, response: { 200: Loose } } },
    async (request) => optimiseRound(db, request.principal, idOf(request)));

  app.post('/rounds/:id/monte-carlo', { schema: { tags, summary: "Probability of each option being in the optimal set under QALY and cost uncertainty", params: IdParam, body: MonteCarloInput, response: { 200: Loose } } },
    async (request) => monteCarloRound(db, request.principal, idOf(request), (request.body ?? {}) as Mc));

  app.get('/rounds/:id/runs', { schema: { tags, summary: 'The latest optimisation and Monte Carlo runs', params: IdParam, response: { 200: Loose } } },
    async (request) => { await loadRound(db, request.principal, idOf(request)); return latestRuns(db, idOf(request)); });
};
