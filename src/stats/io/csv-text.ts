/** Small RFC 4180 CSV reader for in-memory text (fixtures, API uploads); the CLI streams with csv-bytes.ts. */
export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function parseCsvText(text: string): CsvTable {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < n; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') { record.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field); field = '';
      records.push(record); record = [];
    } else field += ch;
  }
  if (field !== '' || record.length > 0) { record.push(field); records.push(record); }
  const [header = [], ...rows] = records.filter((r) => !(r.length === 1 && r[0] === ''));
  return { header, rows };
}

/** Rows as objects keyed by header name. */
export function csvObjects(table: CsvTable): Record<string, string>[] {
  return table.rows.map((r) => Object.fromEntries(table.header.map((h, i) => [h, r[i] ?? ''])));
}
