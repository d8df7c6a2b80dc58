// Procurement API, part 1: frameworks, supplier files, competitions (business case to tender) and
// clarifications. Handlers stay thin: validate → service → result.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ProcurementOptions } from './plugin-options.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import * as S from './schemas.ts';
import { addSupplierDocument, admitSupplier, createFramework, listFrameworks, listSupplierDocuments, type FrameworkInput } from './frameworks.ts';
import { answerClarification, askClarification, cancelCompetition, createCompetition, extendDeadline, listClarifications, publishRequirement, recordBoardApproval, type BusinessCase, type Requirement } from './competitions.ts';
import { competitionDetail, listCompetitions } from './views.ts';
import { listSupplierFiles } from './supplier-files.ts';

const tags = ['procurement'];
type Body<T> = { Body: T };

export const procurementCoreRoutes: FastifyPluginAsync<ProcurementOptions> = async (app, { deps, kek }) => {
  const { db } = deps;

  app.get('/frameworks', { schema: { tags, summary: 'Frameworks with their lots and pre-qualified suppliers (public)', response: { 200: S.FrameworksAnswer } } },
    async () => listFrameworks(db));

  app.post<Body<FrameworkInput>>('/frameworks', { schema: { tags, summary: 'Add a framework (national team)', body: S.FrameworkBody, response: { 201: S.Ok } } },
    async (request, reply) => {
      await createFramework(db, requirePrincipal(request.principal), request.body);
      return reply.code(201).send({ ok: true });
    });

  app.post<{ Params: { frameworkId: string; lotCode: string }; Body: { supplierId: string; name?: string } }>('/frameworks/:frameworkId/lots/:lotCode/suppliers', {
    schema: { tags, summary: 'Admit a supplier to a lot (national team); a new supplier needs its name', params: S.LotParams, body: S.AdmitBody, response: { 201: S.Ok } },
  }, async (request, reply) => {
    await admitSupplier(db, requirePrincipal(request.principal), request.params.frameworkId, request.params.lotCode, request.body);
    return reply.code(201).send({ ok: true });
  });

  app.get<{ Params: { supplierId: string } }>('/suppliers/:supplierId/documents', {
    schema: { tags, summary: "A supplier's declarations and documents (the supplier itself and commissioners; 404 for other suppliers)", params: Type.Object({ supplierId: S.SupplierId }, { additionalProperties: false }), response: { 200: S.SupplierFilesAnswer } },
  }, async (request) => ({
    documents: await listSupplierDocuments(db, request.principal, request.params.supplierId),
    files: await listSupplierFiles(db, request.principal, request.params.supplierId),
  }));

  app.post<{ Params: { supplierId: string }; Body: { frameworkId: string; kind: 'declaration' | 'document'; title: string; body: string } }>('/suppliers/:supplierId/documents', {
    schema: { tags, summary: 'File a declaration or document (the supplier)', params: Type.Object({ supplierId: S.SupplierId }, { additionalProperties: false }), body: S.SupplierDocBody, response: { 201: Type.Object({ id: Type.String() }) } },
  }, async (request, reply) => reply.code(201).send(await addSupplierDocument(db, requirePrincipal(request.principal), request.params.supplierId, request.body)));

  app.get('/competitions', { schema: { tags, summary: 'Competitions the user takes part in', response: { 200: S.CompetitionsAnswer } } },
    async (request) => ({ competitions: await listCompetitions(db, requirePrincipal(request.principal)) }));

  app.post<Body<BusinessCase>>('/competitions', { schema: { tags, summary: 'Write a business case (starts a mini-competition)', body: S.BusinessCaseBody, response: { 201: Type.Object({ id: Type.String(), reference: Type.String() }) } } },
    async (request, reply) => reply.code(201).send(await createCompetition(db, requirePrincipal(request.principal), request.body)));

  app.get<{ Params: { id: string } }>('/competitions/:id', { schema: { tags, summary: 'One competition, as the user’s part in it allows', params: S.IdParams, response: { 200: S.CompetitionAnswer } } },
    async (request) => competitionDetail(db, requirePrincipal(request.principal), request.params.id));

  app.post<{ Params: { id: string }; Body: { approvedOn: string; minute: string } }>('/competitions/:id/approval', { schema: { tags, summary: "Record the board's approval of the business case", params: S.IdParams, body: S.ApprovalBody, response: { 200: S.Ok } } },
    async (request) => { await recordBoardApproval(db, requirePrincipal(request.principal), request.params.id, request.body.approvedOn, request.body.minute); return { ok: true }; });

  app.post<{ Params: { id: string }; Body: Requirement }>('/competitions/:id/tender', { schema: { tags, summary: 'Publish the requirement and invite every supplier in the lot', params: S.IdParams, body: S.RequirementBody, response: { 200: Type.Object({ invited: Type.Array(Type.String()) }) } } },
    async (request) => publishRequirement(db, kek(), requirePrincipal(request.principal), request.params.id, request.body));

  app.post<{ Params: { id: string }; Body: { bidDeadline: string } }>('/competitions/:id/deadline', { schema: { tags, summary: 'Extend the bid deadline (never shorten it)', params: S.IdParams, body: S.DeadlineBody, response: { 200: S.Ok } } },
    async (request) => { await extendDeadline(db, requirePrincipal(request.principal), request.params.id, request.body.bidDeadline); return { ok: true }; });

  app.post<{ Params: { id: string }; Body: { reason: string } }>('/competitions/:id/cancel', { schema: { tags, summary: 'Cancel the competition', params: S.IdParams, body: S.ReasonBody, response: { 200: S.Ok } } },
    async (request) => { await cancelCompetition(db, requirePrincipal(request.principal), request.params.id, request.body.reason); return { ok: true }; });

  app.get<{ Params: { id: string } }>('/competitions/:id/clarifications', { schema: { tags, summary: 'Clarification questions and answers, without who asked', params: S.IdParams, response: { 200: S.ClarificationsAnswer } } },
    async (request) => ({ clarifications: await listClarifications(db, requirePrincipal(request.principal), request.params.id) }));

  app.post<{ Params: { id: string }; Body: { supplierId: string; question: string } }>('/competitions/:id/clarifications', { schema: { tags, summary: 'Ask a clarification question (an invited supplier)', params: S.IdParams, body: S.QuestionBody, response: { 201: Type.Object({ id: Type.String() }) } } },
    async (request, reply) => reply.code(201).send({ id: await askClarification(db, requirePrincipal(request.principal), request.params.id, request.body.supplierId, request.body.question) }));

  app.post<{ Params: { id: string; clarificationId: string }; Body: { answer: string } }>('/competitions/:id/clarifications/:clarificationId/answer', { schema: { tags, summary: 'Answer a clarification question for every bidder', params: S.ClarificationParams, body: S.AnswerBody, response: { 200: S.Ok } } },
    async (request) => { await answerClarification(db, requirePrincipal(request.principal), request.params.id, request.params.clarificationId, request.body.answer); return { ok: true }; });
};
