// Which uploaded files procurement accepts: PDF, DOCX, XLSX, ODT or PNG up to 10 MB, recognised by their
// content and a matching extension (src/platform/file-type.ts).
import { checkFile, kindList, type FileKind } from '../platform/file-type.ts';

export type DocumentKind = Exclude<FileKind, 'csv'>;

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'png'];
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export type DocumentCheck = { ok: true; kind: DocumentKind; mediaType: string; fileName: string } | { ok: false; reason: string };

/** Accepts a file whose content is an accepted kind and whose name's extension says the same. */
export function checkDocument(fileName: string, bytes: Buffer): DocumentCheck {
  const c = checkFile(fileName, bytes, { accepted: DOCUMENT_KINDS, maxBytes: MAX_DOCUMENT_BYTES });
  if (c.ok) return { ok: true, kind: c.kind as DocumentKind, mediaType: c.mediaType, fileName: fileName.replace(/[^\w.\- ()]/g, '_').slice(0, 200) };
  switch (c.problem) {
    case 'empty': return { ok: false, reason: 'The file is empty.' };
    case 'too_large': return { ok: false, reason: `The file is larger than ${c.maxBytes / 1024 / 1024} MB.` };
    case 'not_accepted': return { ok: false, reason: `The file must be a ${kindList(c.accepted)} document.` };
    case 'extension': return { ok: false, reason: `The file's content is ${c.kind.toUpperCase()} but its name ends .${c.extension || '(nothing)'}.` };
  }
}
