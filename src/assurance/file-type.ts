// Evidence files: PDF, DOCX, XLSX, ODT, CSV or PNG up to 20 MB, recognised by content (src/platform/file-type.ts).
import { checkFile, kindList, type FileKind } from '../platform/file-type.ts';

export { sniffKind } from '../platform/file-type.ts';
export type EvidenceKind = FileKind;

export const EVIDENCE_KINDS: readonly EvidenceKind[] = ['pdf', 'docx', 'xlsx', 'odt', 'csv', 'png'];
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Accepts a file when its content is an accepted kind and its name's extension says the same kind. */
export function checkEvidenceFile(fileName: string, bytes: Buffer): { ok: true; kind: EvidenceKind; mediaType: string } | { ok: false; reason: string } {
  const c = checkFile(fileName, bytes, { accepted: EVIDENCE_KINDS, maxBytes: MAX_EVIDENCE_BYTES });
  if (c.ok) return c;
  switch (c.problem) {
    case 'empty': return { ok: false, reason: 'the file is empty' };
    case 'too_large': return { ok: false, reason: `the file is larger than ${c.maxBytes / 1024 / 1024} MB` };
    case 'not_accepted': return { ok: false, reason: `the file is not a ${kindList(c.accepted)} document` };
    case 'extension': return { ok: false, reason: `the file's content is ${c.kind.toUpperCase()} but its name ends .${c.extension || '(none)'}` };
  }
}
