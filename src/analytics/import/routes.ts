// POST /api/imports (multipart upload → an import job with progress at GET /api/jobs/{id}) and
// GET /api/imports (provenance). National administrators may import anything; PCT analysts import for
// their own PCT (form field orgCode).
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/app.ts';
import { authorize, requirePrincipal, type Principal } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { listImports } from './repo.ts';
import { importFile, type ImportResult } from './service.ts';
import { IMPORT_KINDS, isImportKind, type ImportKind } from './spec.ts';

export const IMPORT_JOB = 'analytics.import';
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

interface ImportJobPayload {
  kind: ImportKind;
  file: string;
  fileName: string;
  skipInvalid: boolean;
  options: { mapping?: string; indicatorId?: string; imdYear?: number; orgCode?: string };
  actor: Principal;
}

/** The job: the same service the CLI calls; an invalid file ends the job with status 'invalid' and its errors. */
export function importJobHandler(dataDir: string) {
  return async (ctx: JobContext): Promise<ImportResult> => {
    const p = ctx.payload as ImportJobPayload;
    let last = -1;
    return importFile({ db: ctx.db, dataDir }, {
      kind: p.kind, file: p.file, fileName: p.fileName, skipInvalid: p.skipInvalid, actor: p.actor,
      options: { mapping: p.options.mapping, indicatorId: p.options.indicatorId, imdYear: p.options.imdYear },
    }, (fraction, message) => {
      const done = Math.round(fraction * 100);
      if (done === last) return;
      last = done;
      void ctx.progress(done, 100, message).catch(() => undefined);
    });
  };
}

const safeName = (name: string): string => name.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120) || 'upload';

export const importRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
  deps.jobs.register(IMPORT_JOB, importJobHandler(deps.config.dataDir));

  app.post('/', {
    schema: {
      tags: ['imports'],
      summary: 'Upload a file to import (multipart: kind, file, and optionally skipInvalid, mapping, indicatorId, imdYear, orgCode)',
      consumes: ['multipart/form-data'],
      response: { 202: Type.Object({ jobId: Type.String(), statusUrl: Type.String() }) },
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    authorize(principal, 'analytics:import');
    if (!request.isMultipart()) throw new AppError('invalid', 'Send the file as multipart/form-data.');
    const fields: Record<string, string> = {};
    const dir = join(deps.config.dataDir, 'uploads', randomUUID());
    let file: string | null = null;
    let fileName = '';
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (file) throw new AppError('invalid', 'Upload one file per import.');
          await mkdir(dir, { recursive: true });
          fileName = part.filename || 'upload.csv';
          file = join(dir, safeName(fileName));
          await pipeline(part.file, createWriteStream(file));
          if (part.file.truncated) throw new AppError('too_large', `Files are limited to ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`);
        } else {
          fields[part.fieldname] = String(part.value ?? '');
        }
      }
      const kind = fields.kind ?? '';
      if (!isImportKind(kind)) throw new AppError('invalid', `kind must be one of ${IMPORT_KINDS.join(', ')}`, [{ path: 'kind', message: 'unknown kind' }]);
      // A PCT analyst imports for their own PCT; without orgCode the import is national.
      const orgCode = fields.orgCode?.trim().toUpperCase() || null;
      authorize(principal, 'analytics:import', { orgCode: orgCode ?? 'ENGLAND' });
      if (!file) throw new AppError('invalid', 'No file was uploaded.', [{ path: 'file', message: 'required' }]);
      const imdYear = fields.imdYear ? Number(fields.imdYear) : undefined;
      if (imdYear !== undefined && !Number.isInteger(imdYear)) throw new AppError('invalid', 'imdYear must be a year');
      const payload: ImportJobPayload = {
        kind, file, fileName, skipInvalid: ['true', 'on', '1'].includes(fields.skipInvalid ?? ''),
        options: { mapping: fields.mapping || undefined, indicatorId: fields.indicatorId || undefined, imdYear, orgCode: orgCode ?? undefined },
        actor: principal,
      };
      const jobId = await deps.jobs.enqueue(IMPORT_JOB, payload, principal.userId);
      return reply.code(202).send({ jobId, statusUrl: `/api/jobs/${jobId}` });
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
  });

  app.get('/', {
    schema: {
      tags: ['imports'], summary: 'Imports so far (provenance), newest first',
      querystring: Type.Object({
        kind: Type.Optional(Type.String({ maxLength: 40 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
      }, { additionalProperties: false }),
    },
  }, async (request) => {
    authorize(request.principal, 'analytics:import');
    const q = request.query as { kind?: string; limit?: number };
    return { imports: await listImports(deps.db, { kind: q.kind, limit: q.limit ?? 100 }) };
  });
};
