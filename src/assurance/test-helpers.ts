// Shared steps for assurance API tests: full self-scores, panel items and a multipart upload body.
import { scoredCompetencies, allSubIndicators, type WccFramework } from './framework.ts';

export function allSelfScores(f: WccFramework, level: (i: number) => number) {
  return scoredCompetencies(f).flatMap((c) => c.subCriteria).map((s, i) => ({ subCriterion: s.number, level: level(i), narrative: `Evidence for ${s.number}` }));
}

export function allPanelItems(f: WccFramework, level: (n: number) => number, rag: (id: string, i: number) => 'red' | 'amber' | 'green', note = 'Panel rationale') {
  return [
    ...scoredCompetencies(f).map((c) => ({ kind: 'competency' as const, item: String(c.number), level: level(c.number), note })),
    ...allSubIndicators(f).map((s, i) => ({ kind: 'sub_indicator' as const, item: s.id, rag: rag(s.id, i), note })),
  ];
}

export function multipart(fields: Record<string, string>, file: { name: string; bytes: Buffer; type?: string }) {
  const boundary = `----wcc${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`));
  parts.push(file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
