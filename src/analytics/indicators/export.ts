// Indicator values as CSV or JSON with exactly the published column set (EXPORT_COLUMNS).
import { EXPORT_COLUMNS, type ValueRow } from './repo.ts';

function csvField(v: string | number | null): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function valuesToCsv(rows: ValueRow[]): string {
  const lines = [EXPORT_COLUMNS.join(',')];
  for (const r of rows) lines.push(EXPORT_COLUMNS.map((c) => csvField(r[c])).join(','));
  return `${lines.join('\n')}\n`;
}

export function valuesToJson(rows: ValueRow[]): string {
  return `${JSON.stringify(rows.map((r) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, r[c] ?? null]))), null, 2)}\n`;
}
