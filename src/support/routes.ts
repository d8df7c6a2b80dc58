// Support API: the good-practice library, events, action learning sets, and matching support to need.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import * as S from './schemas.ts';
import { reviewCaseStudy, searchCaseStudies, submitCaseStudy, type CaseStudyInput, type LibraryQuery } from './library.ts';
import { createEvent, listEvents, registerForEvent, type EventInput } from './events.ts';
import { addMeeting, formSet, mySets, setDetail, type SetInput } from './learning-sets.ts';
import { recommendationsFor, uptakeAgainstChange } from './recommendations.ts';

const tags = ['support'];
type P = { id: string };

export const supportRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get<{ Querystring: LibraryQuery }>('/case-studies', { schema: { tags, summary: 'Search the good-practice library (full text, competency, setting)', querystring: S.LibraryQuery, response: { 200: S.CaseStudiesAnswer } } },
    async (request) => ({ caseStudies: await searchCaseStudies(db, request.principal, request.query) }));
  app.post<{ Body: CaseStudyInput }>('/case-studies', { schema: { tags, summary: 'Submit a case study (a PCT)', body: S.CaseStudyBody, response: { 201: S.Created } } },
    async (request, reply) => reply.code(201).send(await submitCaseStudy(db, requirePrincipal(request.principal), request.body)));
  app.post<{ Params: P; Body: { decision: 'approved' | 'rejected'; note: string } }>('/case-studies/:id/review', { schema: { tags, summary: 'Approve or reject a case study (the editor)', params: S.IdParams, body: S.ReviewBody, response: { 200: S.Ok } } },
    async (request) => { await reviewCaseStudy(db, requirePrincipal(request.principal), request.params.id, request.body.decision, request.body.note); return { ok: true }; });

  app.get('/events', { schema: { tags, summary: 'Events and workshops with places left', response: { 200: S.EventsAnswer } } },
    async (request) => ({ events: await listEvents(db, request.principal) }));
  app.post<{ Body: EventInput }>('/events', { schema: { tags, summary: 'Publish an event (the national team)', body: S.EventBody, response: { 201: S.Created } } },
    async (request, reply) => reply.code(201).send(await createEvent(db, requirePrincipal(request.principal), request.body)));
  app.post<{ Params: P }>('/events/:id/registrations', { schema: { tags, summary: 'Register for an event (within capacity)', params: S.IdParams, response: { 201: S.RegistrationAnswer } } },
    async (request, reply) => reply.code(201).send(await registerForEvent(db, requirePrincipal(request.principal), request.params.id)));

  app.get('/learning-sets', { schema: { tags, summary: 'Your action learning sets', response: { 200: S.LearningSetsAnswer } } },
    async (request) => ({ learningSets: await mySets(db, requirePrincipal(request.principal)) }));
  app.post<{ Body: SetInput }>('/learning-sets', { schema: { tags, summary: 'Form a set with two PCTs and a facilitator', body: S.SetBody, response: { 201: S.Created } } },
    async (request, reply) => reply.code(201).send(await formSet(db, requirePrincipal(request.principal), request.body)));
  app.get<{ Params: P }>('/learning-sets/:id', { schema: { tags, summary: 'A set with its meetings and notes (members only; 404 otherwise)', params: S.IdParams, response: { 200: S.LearningSetAnswer } } },
    async (request) => setDetail(db, requirePrincipal(request.principal), request.params.id));
  app.post<{ Params: P; Body: { meetsOn: string; topic: string; notes: string } }>('/learning-sets/:id/meetings', { schema: { tags, summary: 'Record a meeting and its notes (members)', params: S.IdParams, body: S.MeetingBody, response: { 201: S.Created } } },
    async (request, reply) => reply.code(201).send(await addMeeting(db, requirePrincipal(request.principal), request.params.id, request.body)));

  app.get<{ Params: { pctCode: string } }>('/recommendations/:pctCode', { schema: { tags, summary: "Support matched to a PCT's weakest competencies", params: S.PctParams, response: { 200: S.RecommendationsAnswer } } },
    async (request) => recommendationsFor(db, requirePrincipal(request.principal), request.params.pctCode));
  app.get('/uptake', { schema: { tags, summary: 'Uptake of support against the change in competency levels the next year', response: { 200: S.UptakeAnswer } } },
    async (request) => ({ pcts: await uptakeAgainstChange(db, requirePrincipal(request.principal)) }));
};
