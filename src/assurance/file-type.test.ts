import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEvidenceFile, sniffKind } from './file-type.ts';

const zip = (...parts: string[]) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(parts.join(''), 'latin1')]);

test('recognises PDF, PNG, DOCX, XLSX, ODT and CSV by content', () => {
  assert.equal(sniffKind(Buffer.from('%PDF-1.7\n...')), 'pdf');
  assert.equal(sniffKind(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'png');
  assert.equal(sniffKind(zip('[Content_Types].xml', 'word/document.xml')), 'docx');
  assert.equal(sniffKind(zip('[Content_Types].xml', 'xl/workbook.xml')), 'xlsx');
  assert.equal(sniffKind(zip('mimetypeapplication/vnd.oasis.opendocument.text')), 'odt');
  assert.equal(sniffKind(Buffer.from('org_code,value\n5C2,1\n')), 'csv');
});

test('refuses executables, unknown zips and binary files', () => {
  assert.equal(sniffKind(Buffer.from('MZ\x90\x00\x03', 'latin1')), null);
  assert.equal(sniffKind(zip('payload.exe')), null);
  assert.equal(sniffKind(Buffer.from([0xff, 0xfe, 0x00, 0x41])), null);
});

test('a file whose extension disagrees with its content is refused', () => {
  const r = checkEvidenceFile('plan.pdf', Buffer.from('MZ\x90\x00', 'latin1'));
  assert.equal(r.ok, false);
  const renamed = checkEvidenceFile('plan.pdf', Buffer.from('a,b\n1,2\n'));
  assert.equal(renamed.ok, false);
  assert.match((renamed as { reason: string }).reason, /content is CSV but its name ends \.pdf/);
  const good = checkEvidenceFile('Plan.PDF', Buffer.from('%PDF-1.4 x'));
  assert.deepEqual(good, { ok: true, kind: 'pdf', mediaType: 'application/pdf' });
  assert.equal(checkEvidenceFile('empty.csv', Buffer.alloc(0)).ok, false);
});
