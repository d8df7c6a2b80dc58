// Shared steps for procurement API tests: a multipart body and a competition put out to tender.
import type { TestApp } from '../platform/testing/test-app.ts';

export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer } | null) {
  const boundary = `----wcc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
export const docx = (text: string) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(`[Content_Types].xml word/document.xml ${text}`, 'latin1')]);

/** A business case approved and put out to tender in lot AP (seven suppliers invited); answers its id. */
export async function tenderedCompetition(t: TestApp, pct: Record<string, string>, title: string): Promise<string> {
  const post = async (url: string, payload: object) => {
    const r = await t.app.inject({ method: 'POST', url: `/api/procurement${url}`, headers: pct, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  const { id } = await post('/competitions', { pctCode: '5C2', frameworkId: 'FESC', lotCode: 'AP', title, need: 'A need', competencies: [5], budgetPounds: 100000 });
  await post(`/competitions/${id}/approval`, { approvedOn: '2008-05-20', minute: 'Minute' });
  await post(`/competitions/${id}/tender`, { requirement: 'The requirement', qualityWeight: 70, criteria: [{ key: 'method', title: 'Method', weight: 70 }], contractMonths: 12, bidDeadline: new Date(Date.now() + 3600e3).toISOString() });
  return id as string;
}
