// Five-year plan, risk rating and board paper endpoints.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { FinancialYear, IdParam, OrgCode, PlanInput } from './schemas.ts';
import type { PlanInput as PIn } from './schemas.ts';
import { financialRiskRating, planView, savePlan } from './plan-service.ts';
import { requireRead } from './access.ts';
import { boardPaper } from './board-paper.ts';
import { renderBoardPaperPdf } from './board-paper-pdf.ts';
import { boardPaperChart, type ChartName } from './board-paper-charts.ts';
import { renderSvg } from './charts.ts';
import { AppError } from '../platform/errors.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const closed = { additionalProperties: false } as const;
const tags = ['investment'];

export const planRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const db = deps.db;
  app.put('/plans', { schema: { tags, summary: 'Save a five-year financial plan (recomputed with the round\'s chosen options)', body: PlanInput, response: { 200: Loose } } },
    async (request) => savePlan(db, request.principal, request.body as PIn));

  app.get('/plans/:org/:firstYear', {
    schema: { tags, summary: 'A five-year plan with surplus or deficit by scenario, affordability and risk rating', params: Type.Object({ org: OrgCode, firstYear: FinancialYear }, closed), response: { 200: Loose } },
  }, async (request) => {
    const { org, firstYear } = request.params as { org: string; firstYear: string };
    return planView(db, request.principal, org, firstYear);
  });

  app.get('/risk-rating/:org/:year', {
    schema: { tags, summary: 'Financial risk rating of the plan covering a year (for the assurance finance area)', params: Type.Object({ org: OrgCode, year: FinancialYear }, closed), response: { 200: Loose } },
  }, async (request) => {
    const { org, year } = request.params as { org: string; year: string };
    await requireRead(db, request.principal, org.toUpperCase(), 'plan');
    return { rating: await financialRiskRating(db, org, year) };
  });

  app.get('/rounds/:id/board-paper', { schema: { tags, summary: 'The board paper of a round as data', params: IdParam, response: { 200: Loose } } },
    async (request) => boardPaper(db, request.principal, (request.params as { id: number }).id));

  app.get('/rounds/:id/board-paper.pdf', { schema: { tags, summary: 'The board paper of a round as a PDF', params: IdParam } },
    async (request, reply) => {
      const id = (request.params as { id: number }).id;
      const pdf = await renderBoardPaperPdf(await boardPaper(db, request.principal, id));
      return reply.type('application/pdf').header('content-disposition', `inline; filename="board-paper-round-${id}.pdf"`).send(pdf);
    });

  app.get('/rounds/:id/charts/:chart', {
    schema: { tags, summary: 'A board-paper chart as SVG (cost-per-qaly.svg, probability.svg, surplus.svg)',
      params: Type.Object({ id: Type.Integer({ minimum: 1 }), chart: Type.Union([Type.Literal('cost-per-qaly.svg'), Type.Literal('probability.svg'), Type.Literal('surplus.svg')]) }, closed) },
  }, async (request, reply) => {
    const { id, chart } = request.params as { id: number; chart: string };
    const spec = boardPaperChart(await boardPaper(db, request.principal, id), chart.replace('.svg', '') as ChartName);
    if (!spec) throw new AppError('not_found', 'That chart has nothing to show yet.');
    return reply.type('image/svg+xml').send(await renderSvg(spec));
  });
};
