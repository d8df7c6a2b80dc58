// Reads numeric query columns straight into Float64Arrays, chunk by chunk (no row objects), for
// training and evaluation over millions of people.
import type { Duck, Params } from '../analytics/duckdb.ts';

export async function readNumericColumns(duck: Duck, sql: string, params?: Params): Promise<{ names: string[]; columns: Float64Array[]; rows: number }> {
  const result = await duck.connection.stream(sql, params);
  const names = result.columnNames();
  let cap = 1 << 16;
  let columns = names.map(() => new Float64Array(cap));
  let rows = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    if (rows + n > cap) {
      while (rows + n > cap) cap *= 2;
      columns = columns.map((c) => { const g = new Float64Array(cap); g.set(c.subarray(0, rows)); return g; });
    }
    for (let j = 0; j < names.length; j++) {
      const values = chunk.getColumnValues(j);
      const col = columns[j]!;
      for (let i = 0; i < n; i++) {
        const v = values[i];
        col[rows + i] = v === null || v === undefined ? NaN : Number(v as number);
      }
    }
    rows += n;
  }
  return { names, columns: columns.map((c) => c.slice(0, rows)), rows };
}
