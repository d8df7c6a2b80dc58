// readUpload on real multipart requests through Fastify: fields and the file; no file chosen; a named
// empty file kept for the caller's check; too large; not multipart at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify from 'fastify';
import multipart from '@fastify/multipart';
import { AppError } from '../errors.ts';
import { readUpload } from './upload.ts';

async function app() {
  const a = Fastify();
  await a.register(multipart, { limits: { fileSize: 16, files: 1 } });
  a.post('/', async (request) => {
    try {
      const u = await readUpload(request, '16 bytes');
      return { fields: u.fields, file: u.file && { name: u.file.name, text: u.file.bytes.toString() } };
    } catch (e) {
      return { error: e instanceof AppError ? `${e.kind}: ${e.message}` : String(e) };
    }
  });
  return a;
}

function form(parts: [string, string, string?][]): { payload: string; headers: Record<string, string> } {
  const b = 'XyZ';
  const body = parts.map(([name, value, filename]) => `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"\r\nContent-Type: application/octet-stream` : ''}\r\n\r\n${value}\r\n`).join('') + `--${b}--\r\n`;
  return { payload: body, headers: { 'content-type': `multipart/form-data; boundary=${b}` } };
}

test('fields and the file are read; an unnamed empty part is no file; a named empty file is kept', async () => {
  const a = await app();
  const post = async (parts: [string, string, string?][]) => (await a.inject({ method: 'POST', url: '/', ...form(parts) })).json();
  assert.deepEqual(await post([['title', 'Plan'], ['file', 'hello', 'plan.pdf']]), { fields: { title: 'Plan' }, file: { name: 'plan.pdf', text: 'hello' } });
  assert.deepEqual(await post([['title', 'Plan'], ['file', '', '']]), { fields: { title: 'Plan' }, file: null });
  assert.deepEqual(await post([['file', '', 'empty.pdf']]), { fields: {}, file: { name: 'empty.pdf', text: '' } });
  assert.deepEqual(await post([['file', 'x'.repeat(40), 'big.pdf']]), { error: 'too_large: The file is larger than 16 bytes.' });
  const plain = await a.inject({ method: 'POST', url: '/', payload: { title: 'Plan' } });
  assert.match(plain.json().error, /^invalid: Send the document as multipart\/form-data/);
  await a.close();
});
