// A small RFC 4180 CSV reader for reference files (quoted fields, embedded commas and newlines).
// Large record-level files go through DuckDB or the streaming parser of src/stats instead.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Rows as objects keyed by the header; throws naming the file and line when a row has the wrong width. */
export function parseCsvObjects(text: string, fileName: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) throw new Error(`${fileName}: the file is empty`);
  return rows.filter((r) => !(r.length === 1 && r[0] === '')).map((r, i) => {
    if (r.length !== header.length) {
      throw new Error(`${fileName}:${i + 2}: expected ${header.length} fields, found ${r.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h, r[j] ?? '']));
  });
}
