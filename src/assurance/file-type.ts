// Evidence file types recognised by their content (magic bytes), not only their name. DOCX, XLSX and ODT are
// all ZIP containers, told apart by the parts they hold; CSV is text with no NUL bytes that decodes as UTF-8.
export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'csv' | 'png';

export const MEDIA_TYPES: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  csv: 'text/csv',
  png: 'image/png',
};

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The kind the bytes are, or null when they are none of the accepted kinds. */
export function sniffKind(bytes: Buffer): EvidenceKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';                              // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {                                                // PK\3\4
    const head = bytes.subarray(0, 30 + 100).toString('latin1');
    if (head.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    const names = bytes.toString('latin1');
    if (names.includes('[Content_Types].xml') && names.includes('word/')) return 'docx';
    if (names.includes('[Content_Types].xml') && names.includes('xl/')) return 'xlsx';
    return null;
  }
  if (bytes.length > 0 && !bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return 'csv';
    } catch {
      return null;
    }
  }
  return null;
}

/** Accepts a file when its content is an accepted kind and its name's extension says the same kind. */
export function checkEvidenceFile(fileName: string, bytes: Buffer): { ok: true; kind: EvidenceKind; mediaType: string } | { ok: false; reason: string } {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes.length > MAX_EVIDENCE_BYTES) return { ok: false, reason: `the file is larger than ${MAX_EVIDENCE_BYTES / 1024 / 1024} MB` };
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = sniffKind(bytes);
  if (!kind) return { ok: false, reason: 'the file is not a PDF, DOCX, XLSX, ODT, CSV or PNG document' };
  if (ext !== kind) return { ok: false, reason: `the file's content is ${kind.toUpperCase()} but its name ends .${ext || '(none)'}` };
  return { ok: true, kind, mediaType: MEDIA_TYPES[kind] };
}
