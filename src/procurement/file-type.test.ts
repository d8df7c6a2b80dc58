// Which files procurement accepts: content and extension must agree; executables and empty files are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDocument } from './file-type.ts';
import { docx, pdf } from './test-helpers.ts';

test('accepts a PDF and a DOCX by content and extension, and cleans the name', () => {
  const p = checkDocument('Insurance cert (2008).pdf', pdf('x'));
  assert.deepEqual(p, { ok: true, kind: 'pdf', mediaType: 'application/pdf', fileName: 'Insurance cert (2008).pdf' });
  const d = checkDocument('ISO 9001/../cert.docx', docx('x'));
  assert.equal(d.ok && d.fileName, 'ISO 9001_.._cert.docx');
});

test('refuses empty, oversized, unknown and disguised files with a reason', () => {
  assert.deepEqual(checkDocument('a.pdf', Buffer.alloc(0)), { ok: false, reason: 'The file is empty.' });
  assert.deepEqual(checkDocument('a.pdf', Buffer.concat([pdf('x'), Buffer.alloc(10 * 1024 * 1024)])), { ok: false, reason: 'The file is larger than 10 MB.' });
  assert.deepEqual(checkDocument('a.exe', Buffer.from('MZ\x90\x00', 'latin1')), { ok: false, reason: 'The file must be a PDF, DOCX, XLSX, ODT or PNG document.' });
  assert.deepEqual(checkDocument('a.docx', pdf('x')), { ok: false, reason: "The file's content is PDF but its name ends .docx." });
});
