// Programme budgeting endpoints: imports and analyses.
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../platform/app.ts';
import { CsvBody, FinancialYear, OrgCode } from './schemas.ts';
import { importInvestmentCsv, programmeBudget, spendAgainstOutcome, type ImportKind } from './spend-service.ts';
import { loadNeedsWeights, loadProgrammeCategories, loadProgrammeOutcomes } from './programmes.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import { renderSvg, spendOutcomeSpec } from './charts.ts';

const Loose = Type.Object({}, { additionalProperties: true });
const closed = { additionalProperties: false } as const;

export const spendRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  app.get('/programmes', {
    schema: { tags: ['investment'], summary: 'Programme budgeting categories with ICD-10 ranges, default outcomes and needs weights', response: { 200: Loose } },
  }, async () => ({ programmes: loadProgrammeCategories(), outcomes: loadProgrammeOutcomes(), needsWeights: loadNeedsWeights() }));

  app.post('/imports/:kind', {
    schema: {
      tags: ['investment'], summary: 'Import programme spend, population by age and sex, or outcome values from CSV; nothing is written if any row is wrong',
      params: Type.Object({ kind: Type.Union([Type.Literal('spend'), Type.Literal('population'), Type.Literal('outcomes')]) }, closed),
      body: CsvBody,
      response: { 200: Type.Object({ rows: Type.Integer(), orgCodes: Type.Array(Type.String()) }) },
    },
  }, async (request) => {
    const { kind } = request.params as { kind: ImportKind };
    const { csv, fileName } = request.body as { csv: string; fileName: string };
    return importInvestmentCsv(deps.db, request.principal, kind, csv, fileName);
  });

  app.get('/programme-budget', {
    schema: {
      tags: ['investment'], summary: 'Spend by programme for a PCT and year, per head and per needs-weighted head, with the median of PCTs with data',
      querystring: Type.Object({ org: OrgCode, year: FinancialYear }, closed), response: { 200: Loose },
    },
  }, async (request) => {
    requirePrincipal(request.principal);
    const q = request.query as { org: string; year: string };
    return programmeBudget(deps.db, q.org.toUpperCase(), q.year);
  });

  app.get('/spend-outcome', {
    schema: {
      tags: ['investment'], summary: 'Spend per weighted head on a programme against its outcome, for the PCT and its peers, with quadrants',
      querystring: Type.Object({
        org: OrgCode, year: FinancialYear, programme: Type.String({ pattern: '^[0-9]{1,2}$' }),
        peers: Type.Optional(Type.Union([Type.Literal('england'), Type.Literal('sha')])), indicator: Type.Optional(Type.String({ maxLength: 100 })),
      }, closed),
      response: { 200: Loose },
    },
  }, async (request) => {
    requirePrincipal(request.principal);
    const q = request.query as { org: string; year: string; programme: string; peers?: 'england' | 'sha'; indicator?: string };
    return spendAgainstOutcome(deps.db, q.org.toUpperCase(), q.year, q.programme, q.peers ?? 'england', q.indicator);
  });

  app.get('/spend-outcome.svg', {
    schema: {
      tags: ['investment'], summary: 'Spend against outcome as an SVG scatter with the peer medians',
      querystring: Type.Object({
        org: OrgCode, year: FinancialYear, programme: Type.String({ pattern: '^[0-9]{1,2}$' }),
        peers: Type.Optional(Type.Union([Type.Literal('england'), Type.Literal('sha')])), indicator: Type.Optional(Type.String({ maxLength: 100 })),
      }, closed),
    },
  }, async (request, reply) => {
    requirePrincipal(request.principal);
    const q = request.query as { org: string; year: string; programme: string; peers?: 'england' | 'sha'; indicator?: string };
    const r = await spendAgainstOutcome(deps.db, q.org.toUpperCase(), q.year, q.programme, q.peers ?? 'england', q.indicator);
    const points = r.points.filter((p) => p.outcome !== null).map((p) => ({ orgCode: p.orgCode, spendPerHead: p.spendPerHead, outcome: p.outcome!, subject: p.isSubject ? 'This PCT' : 'Peers' }));
    const spec = spendOutcomeSpec(points, r.spendMedian, r.outcomeMedian, `${r.programmeName}: spend against outcome`, `${r.indicatorId} (${r.polarity})`,
      `${r.year} spend, outcome ${r.outcomePeriod ?? ''} · ${r.peerGroup} · source: programme budget returns, ${r.outcomeSource} · dashed lines: peer medians`);
    return reply.type('image/svg+xml').send(await renderSvg(spec));
  });
};
