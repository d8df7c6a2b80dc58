import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFile, kindList, sniffKind } from './file-type.ts';

const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

test('recognises files by content, whatever their name', () => {
  assert.equal(sniffKind(pdf), 'pdf');
  assert.equal(sniffKind(png), 'png');
  assert.equal(sniffKind(Buffer.from('a,b\n1,2\n')), 'csv');
  assert.equal(sniffKind(Buffer.from([0x4d, 0x5a, 0x90, 0x00])), null);
});

test('each feature chooses what it accepts: kinds, size, and a matching extension', () => {
  const rules = { accepted: ['pdf', 'png'] as const, maxBytes: 100 };
  assert.deepEqual(checkFile('a.pdf', pdf, rules), { ok: true, kind: 'pdf', mediaType: 'application/pdf' });
  assert.deepEqual(checkFile('a.pdf', Buffer.alloc(0), rules), { ok: false, problem: 'empty' });
  assert.deepEqual(checkFile('a.pdf', Buffer.concat([pdf, Buffer.alloc(100)]), rules), { ok: false, problem: 'too_large', maxBytes: 100 });
  assert.deepEqual(checkFile('a.csv', Buffer.from('a,b\n'), rules), { ok: false, problem: 'not_accepted', accepted: ['pdf', 'png'] });
  assert.deepEqual(checkFile('a.PNG', pdf, rules), { ok: false, problem: 'extension', kind: 'pdf', extension: 'png' });
  assert.deepEqual(checkFile('noextension', pdf, rules), { ok: false, problem: 'extension', kind: 'pdf', extension: '' });
});

test('names the accepted kinds as a sentence would', () => {
  assert.equal(kindList(['pdf']), 'PDF');
  assert.equal(kindList(['pdf', 'docx', 'png']), 'PDF, DOCX or PNG');
});
