// Procurement API, part 3: files. A supplier's framework documents (upload by the supplier; download by
// the supplier and NHS staff, 404 for rivals) and documents attached to a sealed bid (sealed like the
// bid: receipts before the deadline, content only after it, to those who may read the bid).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import { AppError } from '../platform/errors.ts';
import { readUpload } from '../platform/http/upload.ts';
import { requirePrincipal } from '../platform/auth/policy.ts';
import type { ProcurementOptions } from './plugin-options.ts';
import * as S from './schemas.ts';
import { MAX_DOCUMENT_BYTES } from './file-type.ts';
import { downloadSupplierFile, uploadSupplierFile } from './supplier-files.ts';
import { attachToBid, downloadAttachment, listAttachmentReceipts } from './bid-attachments.ts';

const tags = ['procurement'];

function sendFile(reply: FastifyReply, f: { fileName: string; mediaType: string; bytes: Buffer }) {
  return reply.type(f.mediaType).header('content-disposition', `attachment; filename="${f.fileName.replace(/"/g, '')}"`)
    .header('x-content-type-options', 'nosniff').header('cache-control', 'private, no-store').send(f.bytes);
}

export const procurementFileRoutes: FastifyPluginAsync<ProcurementOptions> = async (app, { deps, kek }) => {
  const { db } = deps;
  const dataDir = deps.config.dataDir;
  await app.register(multipart, { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5, fieldSize: 1000 } });

  app.post<{ Params: { supplierId: string } }>('/suppliers/:supplierId/files', {
    schema: { tags, summary: 'Upload a framework document (the supplier; multipart: frameworkId, title, then file; PDF, DOCX, XLSX, ODT or PNG, ≤ 10 MB)', params: Type.Object({ supplierId: S.SupplierId }, { additionalProperties: false }), response: { 201: S.SupplierFile } },
  }, async (request, reply) => {
    const p = requirePrincipal(request.principal);
    const { fields, file } = await readUpload(request, '10 MB');
    return reply.code(201).send(await uploadSupplierFile(db, dataDir, p, request.params.supplierId,
      { frameworkId: fields.frameworkId ?? '', title: fields.title ?? '', fileName: file?.name ?? '', bytes: file?.bytes ?? null }));
  });

  app.get<{ Params: { fileId: string } }>('/supplier-files/:fileId', {
    schema: { tags, summary: "Download a supplier's framework document (the supplier and NHS staff; 404 for other suppliers)", params: S.FileIdParams },
  }, async (request, reply) => sendFile(reply, await downloadSupplierFile(db, dataDir, requirePrincipal(request.principal), request.params.fileId)));

  app.post<{ Params: { id: string; supplierId: string } }>('/competitions/:id/bids/:supplierId/attachments', {
    schema: { tags, summary: 'Attach a document to your sealed bid before the deadline (multipart: file); answers a receipt', params: S.BidParams, response: { 201: S.AttachmentReceipt } },
  }, async (request, reply) => {
    const p = requirePrincipal(request.principal);
    const { file } = await readUpload(request, '10 MB');
    if (!file) throw new AppError('invalid', 'Choose a file to attach.', [{ path: 'file', message: 'Choose a file to attach.' }]);
    return reply.code(201).send(await attachToBid(db, dataDir, kek(), p, request.params.id, request.params.supplierId, { fileName: file.name, bytes: file.bytes }));
  });

  app.get<{ Params: { id: string; supplierId: string } }>('/competitions/:id/bids/:supplierId/attachments', {
    schema: { tags, summary: 'Receipts for a bid’s attachments: the supplier its own; the PCT and evaluators after the deadline; 404 for rivals', params: S.BidParams, response: { 200: Type.Object({ receipts: Type.Array(S.AttachmentReceipt) }) } },
  }, async (request) => ({ receipts: await listAttachmentReceipts(db, requirePrincipal(request.principal), request.params.id, request.params.supplierId) }));

  app.get<{ Params: { id: string; supplierId: string; attachmentId: string } }>('/competitions/:id/bids/:supplierId/attachments/:attachmentId', {
    schema: { tags, summary: 'Download a bid attachment: 403 for everyone before the deadline; 404 for a rival, always', params: S.AttachmentParams },
  }, async (request, reply) => sendFile(reply, await downloadAttachment(db, dataDir, kek(), requirePrincipal(request.principal),
    request.params.id, request.params.supplierId, request.params.attachmentId)));
};
