// Which uploaded files procurement accepts: recognised by their content (magic bytes) and a matching
// extension, at most 10 MB. The same rules as assurance's evidence check (src/assurance/file-type.ts,
// not exported through its index), narrowed to documents a supplier files: PDF, DOCX, XLSX, ODT, PNG.
export type DocumentKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'png';

export const MEDIA_TYPES: Record<DocumentKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
  png: 'image/png',
};

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

const startsWith = (b: Buffer, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffDocument(bytes: Buffer): DocumentKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (bytes.subarray(0, 130).toString('latin1').includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'odt';
    const names = bytes.toString('latin1');
    if (names.includes('[Content_Types].xml') && names.includes('word/')) return 'docx';
    if (names.includes('[Content_Types].xml') && names.includes('xl/')) return 'xlsx';
  }
  return null;
}

export type DocumentCheck = { ok: true; kind: DocumentKind; mediaType: string; fileName: string } | { ok: false; reason: string };

/** Accepts a file whose content is an accepted kind and whose name's extension says the same. */
export function checkDocument(fileName: string, bytes: Buffer): DocumentCheck {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, reason: 'The file is larger than 10 MB.' };
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const kind = sniffDocument(bytes);
  if (!kind) return { ok: false, reason: 'The file must be a PDF, DOCX, XLSX, ODT or PNG document.' };
  if (ext !== kind) return { ok: false, reason: `The file's content is ${kind.toUpperCase()} but its name ends .${ext || '(nothing)'}.` };
  return { ok: true, kind, mediaType: MEDIA_TYPES[kind], fileName: fileName.replace(/[^\w.\- ()]/g, '_').slice(0, 200) };
}
