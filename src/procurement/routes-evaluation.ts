// Procurement API, part 2: sealed bids, opening, the panel (declarations, scores, moderation),
// preferred bidder and award.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ProcurementOptions } from './plugin-options.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import * as S from './schemas.ts';
import { listReceipts, openBids, readBid, submitBid, type BidContent } from './bids.ts';
import { appointEvaluators, declareInterests, moderate, namePreferredBidder, panelView, submitScores, type ModeratedInput, type ScoreInput } from './panel.ts';
import { award, type KpiInput } from './contracts.ts';

const tags = ['procurement'];
type P = { id: string };

export const procurementEvaluationRoutes: FastifyPluginAsync<ProcurementOptions> = async (app, { deps, kek }) => {
  const { db } = deps;

  app.put<{ Params: { id: string; supplierId: string }; Body: BidContent }>('/competitions/:id/bids/:supplierId', {
    schema: { tags, summary: 'Submit or replace a sealed bid before the deadline (the supplier); answers a receipt', params: S.BidParams, body: S.BidBody, response: { 200: S.Receipt } },
  }, async (request) => submitBid(db, kek(), requirePrincipal(request.principal), request.params.id, request.params.supplierId, request.body));

  app.get<{ Params: P }>('/competitions/:id/bids', { schema: { tags, summary: 'Bid receipts: a supplier its own; the PCT all, after the deadline', params: S.IdParams, response: { 200: Type.Object({ receipts: Type.Array(S.Receipt) }) } } },
    async (request) => ({ receipts: await listReceipts(db, requirePrincipal(request.principal), request.params.id) }));

  app.get<{ Params: { id: string; supplierId: string } }>('/competitions/:id/bids/:supplierId', {
    schema: { tags, summary: 'Read a bid: 403 for everyone before the deadline; 404 for a rival supplier, always', params: S.BidParams, response: { 200: S.BidAnswer } },
  }, async (request) => readBid(db, kek(), requirePrincipal(request.principal), request.params.id, request.params.supplierId));

  app.post<{ Params: P }>('/competitions/:id/open-bids', { schema: { tags, summary: 'Open the bids after the deadline (the PCT)', params: S.IdParams, response: { 200: Type.Object({ opened: Type.Integer() }) } } },
    async (request) => openBids(db, kek(), requirePrincipal(request.principal), request.params.id));

  app.post<{ Params: P; Body: { emails: string[] } }>('/competitions/:id/evaluators', { schema: { tags, summary: 'Appoint evaluators', params: S.IdParams, body: S.EvaluatorsBody, response: { 200: S.Ok } } },
    async (request) => { await appointEvaluators(db, requirePrincipal(request.principal), request.params.id, request.body.emails); return { ok: true }; });

  app.post<{ Params: P; Body: { conflicts: string[]; note: string } }>('/competitions/:id/declaration', { schema: { tags, summary: 'Declare conflicts of interest (an evaluator, before scoring)', params: S.IdParams, body: S.DeclarationBody, response: { 200: S.Ok } } },
    async (request) => { await declareInterests(db, requirePrincipal(request.principal), request.params.id, request.body.conflicts, request.body.note); return { ok: true }; });

  app.post<{ Params: P; Body: { scores: ScoreInput[] } }>('/competitions/:id/scores', { schema: { tags, summary: 'Submit your independent scores (an evaluator)', params: S.IdParams, body: S.ScoresBody, response: { 200: S.Ok } } },
    async (request) => { await submitScores(db, requirePrincipal(request.principal), request.params.id, request.body.scores); return { ok: true }; });

  app.get<{ Params: P }>('/competitions/:id/evaluation', { schema: { tags, summary: 'The panel, scores (when you may see them), moderated scores and ranking', params: S.IdParams, response: { 200: S.PanelAnswer } } },
    async (request) => panelView(db, requirePrincipal(request.principal), request.params.id));

  app.post<{ Params: P; Body: { agreed: ModeratedInput[] } }>('/competitions/:id/moderation', { schema: { tags, summary: 'Record the moderated scores with rationale (the PCT)', params: S.IdParams, body: S.ModerationBody, response: { 200: S.RankingAnswer } } },
    async (request) => ({ ranking: await moderate(db, requirePrincipal(request.principal), request.params.id, request.body.agreed) }));

  app.post<{ Params: P }>('/competitions/:id/preferred-bidder', { schema: { tags, summary: 'Name the top-ranked bidder preferred; the 10-day standstill starts', params: S.IdParams, response: { 200: Type.Object({ supplierId: Type.String(), standstillEndsAt: Type.String() }) } } },
    async (request) => namePreferredBidder(db, requirePrincipal(request.principal), request.params.id));

  app.post<{ Params: P; Body: { startsOn: string; deliverables: string[]; kpis: KpiInput[] } }>('/competitions/:id/award', { schema: { tags, summary: 'Award after standstill and sign the call-off contract', params: S.IdParams, body: S.AwardBody, response: { 200: Type.Object({ contractId: Type.String() }) } } },
    async (request) => award(db, requirePrincipal(request.principal), request.params.id, request.body));
};
