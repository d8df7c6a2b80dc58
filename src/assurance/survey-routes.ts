// 360° survey: stakeholder lists (PCT or SHA), results (suppressed under 5 per group), and the one-time link
// that a stakeholder answers through without an account.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { clockOf } from './clock.ts';
import { SurveySubmissions } from './survey-submissions.ts';
import { addStakeholders, listStakeholders, surveyForToken, surveyResults, type AnswerInput, type StakeholderInput, type SurveyCache } from './survey-service.ts';
import { PctParams, StakeholdersBody, SurveyAnswersBody, SurveyFormResponse, SurveyReceivedResponse, TokenParams } from './schemas.ts';

export const surveyRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = clockOf(deps);
  const surveys: SurveyCache = new Map();   // this app's cache of locked framework versions' surveys
  const submissions = new SurveySubmissions(deps.db, surveys);
  const tags = ['assurance survey'];
  type P = { cycle: string; org: string };

  app.get('/assurance/cycles/:cycle/pcts/:org/stakeholders', { schema: { tags, summary: 'The PCT\'s stakeholder list (whether each has answered; never what)', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return listStakeholders(deps.db, request.principal, cycle, org); });

  app.post('/assurance/cycles/:cycle/pcts/:org/stakeholders', { schema: { tags, summary: 'Add stakeholders; returns each one-time link token once', params: PctParams, body: StakeholdersBody } },
    async (request, reply) => {
      const { cycle, org } = request.params as P;
      return reply.code(201).send(await addStakeholders(deps.db, request.principal, cycle, org, (request.body as { stakeholders: StakeholderInput[] }).stakeholders));
    });

  app.get('/assurance/cycles/:cycle/pcts/:org/survey-results', { schema: { tags, summary: 'Results by competency and group; groups under the minimum are withheld', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return surveyResults(deps.db, request.principal, cycle, org); });

  app.get('/survey/:token', { schema: { tags, summary: 'A stakeholder\'s survey (no account: the link is the key)', params: TokenParams, response: { 200: SurveyFormResponse } } },
    async (request) => surveyForToken(deps.db, (request.params as { token: string }).token, now(), surveys));

  app.post('/survey/:token', { schema: { tags, summary: 'Submit answers once; anonymous', params: TokenParams, body: SurveyAnswersBody, response: { 201: SurveyReceivedResponse } } },
    async (request, reply) => reply.code(201).send(await submissions.submit((request.params as { token: string }).token, (request.body as { answers: AnswerInput[] }).answers, now())));
};
