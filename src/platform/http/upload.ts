// Reading a small multipart upload (a form's fields and at most one document) into memory, shared by
// the routes that take documents (assurance evidence, procurement files). Large data files stream to
// disk instead (analytics imports).
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';

export interface Upload {
  fields: Record<string, string>;
  /** null when no file was chosen (a browser sends an unnamed empty part): the caller reports it with its
   *  other fields. A named empty file is returned, for the caller's file check to refuse as empty. */
  file: { name: string; bytes: Buffer } | null;
}

/** The form's fields and its file; `limit` (e.g. '10 MB') names the size limit the plugin was given. */
export async function readUpload(request: FastifyRequest, limit: string): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new AppError('invalid', 'Send the document as multipart/form-data.', [{ path: 'file', message: 'Choose a file to upload.' }]);
  }
  const fields: Record<string, string> = {};
  let file: Upload['file'] = null;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      try {
        file = { name: part.filename, bytes: await part.toBuffer() };
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new AppError('too_large', `The file is larger than ${limit}.`, [{ path: 'file', message: `The file is larger than ${limit}.` }]);
        }
        throw e;
      }
    } else fields[part.fieldname] = String(part.value);
  }
  return { fields, file: file && (file.name !== '' || file.bytes.length > 0) ? file : null };
}
