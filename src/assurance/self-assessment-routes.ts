// Self-assessment and evidence: read, save drafts, submit; upload (multipart), confirm, withdraw, download.
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../platform/app.ts';
import { AppError } from '../platform/errors.ts';
import { readUpload } from '../platform/http/upload.ts';
import { clockOf } from './clock.ts';
import { getSelfAssessment, saveSelfScores, submitSelfAssessment } from './self-assessment-service.ts';
import { changeEvidence, downloadEvidence, uploadEvidence } from './evidence-service.ts';
import { EvidenceChangeBody, IdParams, PctParams, SelfScoresBody } from './schemas.ts';
import type { Level } from './framework.ts';

export const selfAssessmentRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  const now = clockOf(deps);
  const tags = ['assurance'];
  type P = { cycle: string; org: string };

  app.get('/assurance/cycles/:cycle/pcts/:org/self-assessment', { schema: { tags, summary: 'A PCT\'s self-assessment (its own staff, SHA, national team, assigned panel)', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return getSelfAssessment(deps.db, request.principal, cycle, org, now()); });

  app.put('/assurance/cycles/:cycle/pcts/:org/self-assessment/scores', { schema: { tags, summary: 'Save draft scores and narratives', params: PctParams, body: SelfScoresBody } },
    async (request) => {
      const { cycle, org } = request.params as P;
      const { scores } = request.body as { scores: { subCriterion: string; level: Level | null; narrative: string; metrics?: string[] }[] };
      return saveSelfScores(deps.db, request.principal, cycle, org, scores, now());
    });

  app.post('/assurance/cycles/:cycle/pcts/:org/self-assessment/submit', { schema: { tags, summary: 'Submit (then locked)', params: PctParams } },
    async (request) => { const { cycle, org } = request.params as P; return submitSelfAssessment(deps.db, request.principal, cycle, org, now()); });

  app.post('/assurance/cycles/:cycle/pcts/:org/evidence', {
    schema: { tags, summary: 'Upload an evidence document (multipart: documentType, title, subCriteria, then file; PDF, DOCX, XLSX, ODT, CSV or PNG, ≤ 20 MB)', params: PctParams },
  }, async (request, reply) => {
    const { cycle, org } = request.params as P;
    const { fields, file } = await readUpload(request, '20 MB');
    if (!file) throw new AppError('invalid', 'Choose a file to upload.', [{ path: 'file', message: 'required' }]);
    const row = await uploadEvidence(deps.db, deps.config.dataDir, request.principal, cycle, org, {
      documentType: fields.documentType ?? '', title: fields.title ?? '', fileName: file.name, bytes: file.bytes,
      subCriteria: (fields.subCriteria ?? '').split(/[\s,]+/).filter(Boolean),
    }, now());
    return reply.code(201).send(row);
  });

  app.post('/assurance/evidence/:id', { schema: { tags, summary: 'Confirm a carried-forward document or withdraw one', params: IdParams, body: EvidenceChangeBody } },
    async (request, reply) => {
      await changeEvidence(deps.db, request.principal, (request.params as { id: string }).id, (request.body as { change: 'confirm' | 'withdraw' }).change, now());
      return reply.code(204).send();
    });

  app.get('/assurance/evidence/:id/download', { schema: { tags, summary: 'Download an evidence document', params: IdParams } }, async (request, reply) => {
    const d = await downloadEvidence(deps.db, deps.config.dataDir, request.principal, (request.params as { id: string }).id);
    return reply.type(d.mediaType).header('content-disposition', `attachment; filename="${d.fileName.replace(/"/g, '')}"`)
      .header('x-content-sha256', d.sha256).header('x-content-type-options', 'nosniff').send(d.bytes);
  });
};
