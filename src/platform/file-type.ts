// Uploaded files recognised by their content (magic bytes), not only their name, for every feature that
// accepts documents (assurance evidence, suppliers' framework documents, bid attachments). DOCX, XLSX and
// ODT are all ZIP containers, told apart by the parts they hold; CSV is text with no NUL bytes that decodes
// as UTF-8. Each feature chooses the kinds and the size it accepts and words the problem its own way.
export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'csv' | 'png';

export const MEDIA_TYPES: Record<FileKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  csv: 'text/csv',
  png: 'image/png',
};

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The kind the bytes are, or null when they are none of the known kinds. */
export function sniffKind(bytes: Buffer): FileKind | null {
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

export type FileProblem =
  | { problem: 'empty' }
  | { problem: 'too_large'; maxBytes: number }
  | { problem: 'not_accepted'; accepted: readonly FileKind[] }
  | { problem: 'extension'; kind: FileKind; extension: string };

export type FileCheck = { ok: true; kind: FileKind; mediaType: string } | ({ ok: false } & FileProblem);

/** Accepts a file when its content is one of the accepted kinds and its name's extension says the same kind. */
export function checkFile(fileName: string, bytes: Buffer, rules: { accepted: readonly FileKind[]; maxBytes: number }): FileCheck {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  if (bytes.length > rules.maxBytes) return { ok: false, problem: 'too_large', maxBytes: rules.maxBytes };
  const kind = sniffKind(bytes);
  if (!kind || !rules.accepted.includes(kind)) return { ok: false, problem: 'not_accepted', accepted: rules.accepted };
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension !== kind) return { ok: false, problem: 'extension', kind, extension };
  return { ok: true, kind, mediaType: MEDIA_TYPES[kind] };
}

/** "PDF, DOCX, XLSX, ODT, CSV or PNG" */
export function kindList(kinds: readonly FileKind[]): string {
  const names = kinds.map((k) => k.toUpperCase());
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : names.join('');
}
