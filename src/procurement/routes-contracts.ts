// Procurement API, part 3: the contracts register, KPI reports, variations, termination, supplier
// performance; and the OCDS release and record packages (public).
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import { AppError } from '../platform/errors.ts';
import * as S from './schemas.ts';
import { contractDetail, contractRegister, reportKpi, supplierPerformance, terminateContract, varyContract } from './contracts.ts';
import { recordPackageOf, releasePackageOf } from './ocds-publish.ts';

const tags = ['procurement'];
type P = { id: string };

export const procurementContractRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const { db } = deps;
  app.get('/procurement/contracts', { schema: { tags, summary: 'The register of call-off contracts the user may see', response: { 200: S.ContractsAnswer } } },
    async (request) => ({ contracts: await contractRegister(db, requirePrincipal(request.principal)) }));
  app.get<{ Params: P }>('/procurement/contracts/:id', { schema: { tags, summary: 'A contract with KPIs, reports (RAG by period) and variations', params: S.IdParams, response: { 200: S.ContractAnswer } } },
    async (request) => contractDetail(db, requirePrincipal(request.principal), request.params.id));
  app.post<{ Params: P; Body: { kpiCode: string; period: string; value: number; note: string } }>('/procurement/contracts/:id/kpi-reports', { schema: { tags, summary: 'Report a KPI for a period; the server rates it', params: S.IdParams, body: S.KpiReportBody, response: { 200: S.RagAnswer } } },
    async (request) => reportKpi(db, requirePrincipal(request.principal), request.params.id, request.body));
  app.post<{ Params: P; Body: { kind: 'variation' | 'extension'; description: string; newEndsOn: string; newValue: number; agreedOn: string } }>('/procurement/contracts/:id/variations', { schema: { tags, summary: "Vary or extend, within the framework's maximum call-off length", params: S.IdParams, body: S.VariationBody, response: { 200: S.Ok } } },
    async (request) => { await varyContract(db, requirePrincipal(request.principal), request.params.id, request.body); return { ok: true }; });
  app.post<{ Params: P; Body: { terminatedOn: string; reason: string } }>('/procurement/contracts/:id/termination', { schema: { tags, summary: 'End the contract early, with the reason', params: S.IdParams, body: S.TerminationBody, response: { 200: S.Ok } } },
    async (request) => { await terminateContract(db, requirePrincipal(request.principal), request.params.id, request.body); return { ok: true }; });
  app.get('/procurement/supplier-performance', { schema: { tags, summary: 'Each supplier across PCTs: contracts, value, terminations, KPI RAG mix', response: { 200: S.SupplierPerformanceAnswer } } },
    async (request) => ({ suppliers: await supplierPerformance(db, requirePrincipal(request.principal)) }));

  for (const kind of ['releases', 'records'] as const) {
    app.get<{ Querystring: { ocid?: string; download?: boolean } }>(`/ocds/${kind}`, {
      schema: { tags: ['open contracting'], summary: `OCDS 1.1 ${kind === 'releases' ? 'release' : 'record'} package of every framework, tender, award and contract (public); ?download=true for a file`, querystring: S.OcdsQuery, response: { 200: S.Open(`OCDS 1.1 ${kind} package: its shape is the official ${kind === 'releases' ? 'release' : 'record'}-package schema (standard.open-contracting.org/schema/1__1__5/), against which the tests validate it`) } },
    }, async (request, reply) => {
      const uri = `${request.protocol}://${request.host}/api/ocds/${kind}${request.query.ocid ? `?ocid=${encodeURIComponent(request.query.ocid)}` : ''}`;
      const pkg = kind === 'releases' ? await releasePackageOf(db, uri, request.query.ocid) : await recordPackageOf(db, uri, request.query.ocid);
      if (!pkg) throw new AppError('not_found', 'Nothing has been published for that.');
      if (request.query.download) reply.header('content-disposition', `attachment; filename="wcc-ocds-${kind}.json"`);
      return pkg;
    });
  }
};
