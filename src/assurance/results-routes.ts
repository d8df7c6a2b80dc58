// Ratings, autonomy, reports and publication. Public after the publication date: league, reports, open data.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { clockOf } from './clock.ts';
import { computeAutonomy, confirmAutonomy, leagueTable, openData } from './results-service.ts';
import { getReport, saveReportText, type ReportText } from './report-service.ts';
import { renderReportPdf } from './report-pdf.ts';
import { toCsv } from './open-data.ts';
import { ConfirmBody, CycleParams, OpenDataParams, OpenDataResponse, PctParams, ReportBody } from './schemas.ts';

export const resultsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = clockOf(deps);
  const tags = ['assurance results'];
  type P = { cycle: string; org: string };

  app.post('/assurance/cycles/:cycle/autonomy/compute', { schema: { tags, summary: 'Propose earned-autonomy statuses from the policy (national)', params: CycleParams } },
    async (request) => computeAutonomy(deps.db, request.principal, (request.params as { cycle: string }).cycle));

  app.post('/assurance/cycles/:cycle/autonomy/confirm', { schema: { tags, summary: 'Confirm statuses, changing any with a reason (national); confirms the cycle', params: CycleParams, body: ConfirmBody } },
    async (request) => confirmAutonomy(deps.db, request.principal, (request.params as { cycle: string }).cycle,
      (request.body as { changes: { orgCode: string; status: string; reason: string }[] }).changes, now()));

  app.get('/assurance/cycles/:cycle/league', { schema: { tags, summary: 'League table with change since last year (public once published)', params: CycleParams } },
    async (request) => leagueTable(deps.db, request.principal, (request.params as { cycle: string }).cycle, now()));

  app.get('/assurance/cycles/:cycle/pcts/:org/report', { schema: { tags, summary: 'Panel report data (public once published)', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return getReport(deps.db, request.principal, cycle, org, now()); });

  app.put('/assurance/cycles/:cycle/pcts/:org/report', { schema: { tags, summary: 'Write the report text (chair or SHA lead)', params: PctParams, body: ReportBody } },
    async (request) => { const { cycle, org } = request.params as P; return saveReportText(deps.db, request.principal, cycle, org, request.body as ReportText, now()); });

  app.get('/assurance/cycles/:cycle/pcts/:org/report.pdf', { schema: { tags, summary: 'Panel report as PDF', params: PctParams } }, async (request, reply) => {
    const { cycle, org } = request.params as P;
    const report = await getReport(deps.db, request.principal, cycle, org, now());
    const pdf = await renderReportPdf(report);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="panel-report-${report.orgCode}-${report.year}.pdf"`).send(pdf);
  });

  app.get('/open-data/assurance/:file', { schema: { tags: ['open data'], summary: 'Published results, one row per PCT: {year}.csv or {year}.json', params: OpenDataParams,
    response: { 200: { content: { 'application/json': { schema: OpenDataResponse }, 'text/csv': { schema: { type: 'string' } } } } } } },
    async (request, reply) => {
      const file = (request.params as { file: string }).file;
      const [year, ext] = file.split('.');
      const data = await openData(deps.db, year, now());
      if (ext === 'csv') return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="wcc-assurance-${year}.csv"`).send(toCsv(data.columns, data.rows));
      return { year, columns: data.columns, rows: data.rows };
    });
};
