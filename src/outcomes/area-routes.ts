// /api/areas: the public benchmarking views of any PCT, SHA or England (published indicator values),
// and every chart as JSON (spec + table), SVG, PNG or CSV.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { authorize } from '../platform/auth/policy.ts';
import { loadCatalogue, syncCatalogue } from '../analytics/indicators/index.ts';
import { tableToCsv } from '../web/charts/frame.ts';
import { getProfile } from './profile-service.ts';
import { peerGroup } from './peers-service.ts';
import { compareAreas, type CompareGroup } from './compare-service.ts';
import { trendOf } from './trend-service.ts';
import { inequalitiesOf } from './inequalities-service.ts';
import { heatmapOf } from './heatmap-service.ts';
import { pyramidOf } from './pyramid-service.ts';
import { buildChart, type ChartKind, type ChartQuery as ChartQ } from './chart-service.ts';
import { renderSvg, svgToPng } from './render.ts';
import { resolvePeriod } from './profile-service.ts';
import { ChartParams, ChartQuery, CodeParams, CompareQuery, IndicatorQuery, PeriodQuery, ProfileQuery } from './schemas.ts';
import type { BenchmarkKind } from './model-types.ts';
import { needsAssessmentPdf } from './report.ts';
import { needsAssessment } from './report-service.ts';
import { ViewCache, type CachedView } from './view-cache.ts';

type Code = { code: string };

export const areaRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  const cache = new ViewCache(db);
  const send = (reply: import('fastify').FastifyReply, v: CachedView) => {
    for (const [k, h] of Object.entries(v.headers ?? {})) reply.header(k, h);
    return reply.type(v.type).send(v.body);
  };
  let synced: Promise<void> | null = null;
  app.addHook('onRequest', async (request) => {
    authorize(request.principal, 'published:read');
    synced ??= syncCatalogue(db, loadCatalogue()).catch((err) => { synced = null; throw err; });
    await synced;
  });

  app.get('/:code/profile', { schema: { tags: ['outcomes'], summary: 'Every indicator of an area against England, its parent or its peers', params: CodeParams, querystring: ProfileQuery } },
    async (req, reply) => {
      const { code } = req.params as Code;
      const q = req.query as { period?: string; benchmark?: BenchmarkKind };
      const view = await cache.get(`profile|${code.toUpperCase()}|${q.period ?? ''}|${q.benchmark ?? ''}`,
        async () => ({ body: JSON.stringify(await getProfile(db, code, q)), type: 'application/json; charset=utf-8' }));
      return send(reply, view);
    });

  app.get('/:code/peers', { schema: { tags: ['outcomes'], summary: 'Statistical peers of a PCT with their distances', params: CodeParams, querystring: PeriodQuery } },
    async (req) => {
      const { period } = await resolvePeriod(db, (req.query as { period?: string }).period);
      return peerGroup(db, (req.params as Code).code.toUpperCase(), period ?? '');
    });

  app.get('/:code/compare', { schema: { tags: ['outcomes'], summary: 'One indicator across a group of areas, with funnel limits', params: CodeParams, querystring: CompareQuery } },
    async (req) => compareAreas(db, (req.params as Code).code, req.query as { indicator: string; period?: string; group?: CompareGroup; overdispersion?: boolean }));

  app.get('/:code/trend', { schema: { tags: ['outcomes'], summary: 'Trend, recent-trend marker, SPC and target of one indicator', params: CodeParams, querystring: IndicatorQuery } },
    async (req) => trendOf(db, (req.params as Code).code, (req.query as { indicator: string }).indicator));

  app.get('/:code/inequalities', { schema: { tags: ['outcomes'], summary: 'Values by deprivation group, SII and the life-expectancy gap', params: CodeParams, querystring: IndicatorQuery } },
    async (req) => inequalitiesOf(db, (req.params as Code).code, req.query as { indicator: string; period?: string }));

  app.get('/:code/heatmap', { schema: { tags: ['outcomes'], summary: 'PCTs × indicators compared with England (an SHA or England)', params: CodeParams, querystring: PeriodQuery } },
    async (req) => heatmapOf(db, (req.params as Code).code, req.query as { period?: string }));

  app.get('/:code/population', { schema: { tags: ['outcomes'], summary: 'Population by sex and five-year age band (the pyramid), with England\'s shares', params: CodeParams, querystring: PeriodQuery } },
    async (req) => pyramidOf(db, deps.config.dataDir, (req.params as Code).code, (req.query as { period?: string }).period));

  app.get('/:code/charts/:kind', { schema: { tags: ['outcomes'], summary: 'A chart as JSON (Vega-Lite spec and table), SVG, PNG or CSV', params: ChartParams, querystring: ChartQuery } },
    async (req, reply) => {
      const { code, kind } = req.params as { code: string; kind: ChartKind };
      const q = req.query as ChartQ & { format?: 'json' | 'svg' | 'png' | 'csv' };
      const format = q.format ?? 'json';
      const key = `chart|${code.toUpperCase()}|${kind}|${format}|${JSON.stringify(Object.entries(q).filter(([k]) => k !== 'format').sort())}`;
      const view = await cache.get(key, async (): Promise<CachedView> => {
        const chart = await buildChart(db, code, kind, q, deps.config.dataDir);
        if (format === 'json') return { body: JSON.stringify(chart), type: 'application/json; charset=utf-8' };
        if (format === 'csv') return { body: tableToCsv(chart.table), type: 'text/csv; charset=utf-8', headers: { 'content-disposition': `attachment; filename="${chart.fileName}.csv"` } };
        const svg = await renderSvg(chart.spec);
        if (format === 'svg') return { body: svg, type: 'image/svg+xml', headers: { 'content-disposition': `inline; filename="${chart.fileName}.svg"` } };
        return { body: svgToPng(svg), type: 'image/png', headers: { 'content-disposition': `attachment; filename="${chart.fileName}.png"` } };
      });
      return send(reply, view);
    });

  app.get('/:code/needs-assessment', { schema: { tags: ['outcomes'], summary: 'The needs-assessment content of a PCT (the printable page)', params: CodeParams, querystring: PeriodQuery } },
    async (req) => needsAssessment(db, req.principal, (req.params as Code).code, (req.query as { period?: string }).period));

  app.get('/:code/needs-assessment.pdf', { schema: { tags: ['outcomes'], summary: 'The needs-assessment report of a PCT as PDF', params: CodeParams, querystring: PeriodQuery } },
    async (req, reply) => {
      const { code } = req.params as Code;
      const pdf = await needsAssessmentPdf(db, req.principal, code, (req.query as { period?: string }).period);
      return reply.type('application/pdf').header('content-disposition', `inline; filename="needs-assessment-${code.toUpperCase()}.pdf"`).send(pdf);
    });
};
