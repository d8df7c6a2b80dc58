// Runs a .sql file of several statements with named parameters: DuckDB binds parameters per prepared
// statement, so each statement gets only the parameters it mentions.
import type { Duck } from '../analytics/duckdb.ts';

export function splitStatements(sql: string): string[] {
  return sql.split(/;\s*(?:\n|$)/).map((s) => s.replace(/^(\s*--[^\n]*\n)+/g, '').trim()).filter((s) => s.length > 0 && !/^(--[^\n]*\s*)+$/.test(s));
}

export async function runScript(duck: Duck, sql: string, params: Record<string, string | number | boolean> = {}): Promise<void> {
  for (const statement of splitStatements(sql)) {
    const used = new Set([...statement.matchAll(/\$([a-z_]+)/g)].map((m) => m[1]!));
    const own = Object.fromEntries(Object.entries(params).filter(([k]) => used.has(k)));
    await duck.run(statement, Object.keys(own).length ? (own as never) : undefined);
  }
}
