// POST /api/imports (multipart upload → an import job with progress at GET /api/jobs/{id}) and
// GET /api/imports (provenance). National administrators may import anything; PCT analysts import for
// their own PCT (form field orgCode).
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { AppDeps } from '../../platform/app.ts';
import { authorize, can, requirePrincipal, type Principal } from '../../platform/auth/policy.ts';
import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit.ts';
import { withTransaction } from '../../platform/db.ts';
import type { JobContext } from '../../platform/jobs.ts';
import { listImports, type ImportRecord } from './repo.ts';
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
      // orgCode is kept in the provenance options so a PCT's uploads are listed to that PCT only.
      options: { mapping: p.options.mapping, indicatorId: p.options.indicatorId, imdYear: p.options.imdYear,
        ...(p.options.orgCode ? { orgCode: p.options.orgCode } : {}) },
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

  const ImportRow = Type.Object({
    id: Type.String(), kind: Type.String(), dataset: Type.Union([Type.String(), Type.Null()]), fileName: Type.String(),
    sha256: Type.String(), rowsRead: Type.Integer(), rowsWritten: Type.Integer(), rowsRejected: Type.Integer(),
    hasRejectFile: Type.Boolean({ description: 'GET /api/imports/{id}/rejects can send the rejected rows' }),
    orgCode: Type.Union([Type.String(), Type.Null()], { description: 'the PCT imported for; null for a national import' }),
    options: Type.Record(Type.String(), Type.Unknown()),
    createdBy: Type.Union([Type.String(), Type.Null()]), createdByName: Type.Union([Type.String(), Type.Null()]),
    createdAt: Type.String(),
  });

  app.get('/', {
    schema: {
      tags: ['imports'], summary: 'Imports so far (provenance), newest first: national imports, and a PCT\'s own to that PCT',
      querystring: Type.Object({
        kind: Type.Optional(Type.String({ maxLength: 40 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ imports: Type.Array(ImportRow) }) },
    },
  }, async (request) => {
    authorize(request.principal, 'analytics:import');
    const principal = requirePrincipal(request.principal);
    const q = request.query as { kind?: string; limit?: number };
    const rows = (await listImports(deps.db, { kind: q.kind, limit: q.limit ?? 100 })).filter((r) => mayRead(principal, r));
    const names = await displayNames(deps, rows.map((r) => r.createdBy));
    return {
      imports: rows.map((r) => ({
        id: r.id, kind: r.kind, dataset: r.dataset, fileName: r.fileName, sha256: r.sha256, rowsRead: r.rowsRead,
        rowsWritten: r.rowsWritten, rowsRejected: r.rowsRejected, hasRejectFile: keptRejectFile(deps.config.dataDir, r) !== null,
        orgCode: orgCodeOf(r), options: r.options, createdBy: r.createdBy,
        createdByName: r.createdBy ? names.get(r.createdBy) ?? null : null, createdAt: r.createdAt,
      })),
    };
  });

  app.get('/:id/rejects', {
    schema: {
      tags: ['imports'],
      summary: 'The rejected rows of an import made with skipInvalid (CSV with an _errors column): to whoever imported it, or national administrators',
      params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
      produces: ['text/csv'],
    },
  }, async (request, reply) => {
    const principal = requirePrincipal(request.principal);
    authorize(principal, 'analytics:import');
    const { rows } = await deps.db.query('SELECT id, file_name, reject_file, created_by, options FROM data_imports WHERE id = $1',
      [(request.params as { id: string }).id]);
    const row = rows[0] as { id: string; file_name: string; reject_file: string | null; created_by: string | null; options: Record<string, unknown> | null } | undefined;
    // Another user's import is reported as absent, so its existence does not leak.
    if (!row || (row.created_by !== principal.userId && !can(principal, 'analytics:import', { orgCode: 'ENGLAND' }))) {
      throw new AppError('not_found', 'There is no such import.');
    }
    const file = keptRejectFile(deps.config.dataDir, { rejectFile: row.reject_file });
    if (!file || !(await stat(file).then((s) => s.isFile(), () => false))) {
      throw new AppError('not_found', 'This import has no reject file kept on the server.');
    }
    // Rejected rows can be record-level (patient) data: every download is audited.
    await withTransaction(deps.db, (c) => recordAudit(c, { actor: principal, action: 'analytics.import.rejects.download',
      objectType: 'data_import', objectId: row.id, orgCode: orgCodeOf({ options: row.options ?? {} } as ImportRecord), after: { fileName: row.file_name } }));
    const name = `${safeName(row.file_name.replace(/\.[^.]*$/, ''))}.rejects.csv`;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store').send(createReadStream(file));
  });
};

const orgCodeOf = (r: ImportRecord): string | null => (typeof r.options.orgCode === 'string' ? r.options.orgCode : null);

/** National imports are listed to everyone who may import; a PCT's own uploads to that PCT's importers. */
function mayRead(principal: Principal, r: ImportRecord): boolean {
  const orgCode = orgCodeOf(r);
  return orgCode === null || r.createdBy === principal.userId || can(principal, 'analytics:import', { orgCode });
}

/** The reject file's path when it is kept inside the data folder (uploads); CLI rejects stay where they were written. */
function keptRejectFile(dataDir: string, r: { rejectFile: string | null }): string | null {
  if (!r.rejectFile) return null;
  const path = resolve(r.rejectFile);
  const rel = relative(resolve(dataDir), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? path : null;
}

async function displayNames(deps: AppDeps, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const { rows } = await deps.db.query('SELECT id::text AS id, display_name FROM users WHERE id::text = ANY($1::text[])', [wanted]);
  return new Map(rows.map((r: { id: string; display_name: string }) => [r.id, r.display_name]));
}
