/**
 * The one LA → PCT (2008/09) table, `la-pct-2008.csv` beside this file, read by both the synthetic
 * England generator (which places small areas in PCTs through it) and the importers (`la-pct` kind,
 * IMD's small area → PCT). One row per local authority: the 354 LAs of 2007 (IMD 2007, HES RESLADST)
 * and the ten unitary authorities of April 2009 (IMD 2010's lad09 codes).
 *
 * Columns: la_code, la_name, la_ons_code, pct_code (the PCT the LA is listed under), pct_name,
 * match (`name` = PCT name minus " PCT", `county` = every district of a shire county, `explicit` =
 * listed by hand, `split` = the LA spans PCTs) and split_pct_codes: for an LA divided between PCTs
 * by rule, the PCTs in order (space-separated); its small areas in LSOA-code order go to them in equal
 * consecutive shares (Birmingham: 5PG, 5MX, 5M1 thirds). A `split` LA without split_pct_codes lies
 * wholly in its listed PCT (a documented simplification, e.g. High Peak, Craven).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const LA_PCT_FILE = fileURLToPath(new URL('./la-pct-2008.csv', import.meta.url));

export type LaPctMatch = 'name' | 'county' | 'explicit' | 'split';
export interface LaPctEntry {
  laCode: string; laName: string; laOnsCode: string | null; pctCode: string; pctName: string; match: LaPctMatch;
  /** PCTs of a rule-based split in order; empty when the whole LA is in pctCode */
  splitPctCodes: string[];
}

export function readLaPct(file = LA_PCT_FILE): LaPctEntry[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trimEnd().split('\n');
  const names = splitLine(header);
  const at = (n: string) => {
    const i = names.indexOf(n);
    if (i < 0) throw new Error(`${file}: no column ${n}`);
    return i;
  };
  const c = { la: at('la_code'), name: at('la_name'), ons: at('la_ons_code'), pct: at('pct_code'), pctName: at('pct_name'), match: at('match'), split: at('split_pct_codes') };
  return lines.map((line, i) => {
    const r = splitLine(line);
    const match = r[c.match] as LaPctMatch;
    if (!['name', 'county', 'explicit', 'split'].includes(match)) throw new Error(`${file}:${i + 2}: match "${r[c.match]}"`);
    const split = r[c.split] ? r[c.split].split(' ') : [];
    if (split.length > 0 && (match !== 'split' || split[0] !== r[c.pct])) throw new Error(`${file}:${i + 2}: a split list must belong to a split LA and start with its listed PCT`);
    return { laCode: r[c.la], laName: r[c.name], laOnsCode: r[c.ons] || null, pctCode: r[c.pct], pctName: r[c.pctName], match, splitPctCodes: split };
  });
}

/** The PCT of the i-th (0-based, LSOA-code order) of an LA's n small areas. */
export function pctOfSmallArea(e: LaPctEntry, i: number, n: number): string {
  if (e.splitPctCodes.length === 0) return e.pctCode;
  const k = e.splitPctCodes.length;
  return e.splitPctCodes[Math.min(k - 1, Math.floor((i * k) / n))];
}

/**
 * The same rule in DuckDB SQL, for a query that has joined la-pct-2008.csv as `lp` to rows with an LA
 * code and an LSOA code: the rows of one LA must be all its small areas (a whole IMD file).
 */
export function smallAreaPctSql(lp: string, laExpr: string, lsoaExpr: string): string {
  const parts = `string_split(${lp}.split_pct_codes, ' ')`;
  return `CASE WHEN coalesce(${lp}.split_pct_codes, '') = '' THEN ${lp}.pct_code
    ELSE ${parts}[1 + least(len(${parts}) - 1, floor((row_number() OVER (PARTITION BY ${laExpr} ORDER BY ${lsoaExpr}) - 1) * len(${parts})
      / count(*) OVER (PARTITION BY ${laExpr})))::INTEGER] END`;
}

/** One line of this simple CSV (double quotes around names with commas). */
export function splitLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') quoted = false; else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out;
}
