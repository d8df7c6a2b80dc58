// Column mappings for aggregate indicator files: `field[.breakdown]=column` pairs, or a JSON object.
// A value in double quotes is a constant (`area_type="la"`).
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../../platform/errors.ts';

export const MAPPING_FIELDS = [
  'indicator_id', 'area_code', 'area_type', 'period', 'breakdown', 'numerator', 'denominator', 'value',
  'lower95', 'upper95', 'lower998', 'upper998', 'note',
] as const;
export type MappingField = (typeof MAPPING_FIELDS)[number];
export const NUMERIC_FIELDS: readonly MappingField[] = ['numerator', 'denominator', 'value', 'lower95', 'upper95', 'lower998', 'upper998'];

export type Source = { column: string } | { constant: string };

export interface Mapping {
  /** Fields shared by every breakdown. */
  common: Map<MappingField, Source>;
  /** Per-breakdown fields of a wide file (numerator.male=count_male); empty for long files. */
  byBreakdown: Map<string, Map<MappingField, Source>>;
}

function isField(name: string): name is MappingField {
  return (MAPPING_FIELDS as readonly string[]).includes(name);
}

function parseSource(raw: string): Source {
  const v = raw.trim();
  const quoted = /^"(.*)"$/.exec(v) ?? /^'(.*)'$/.exec(v);
  return quoted ? { constant: quoted[1] ?? '' } : { column: v };
}

/** Parse `--mapping` text (pairs or a JSON file path) plus `--indicator`. */
export function parseMapping(text: string | undefined, indicatorId?: string): Mapping {
  let pairs: [string, string][] = [];
  if (text && text.trim().startsWith('{')) pairs = Object.entries(JSON.parse(text) as Record<string, string>);
  else if (text && /\.json$/i.test(text.trim()) && existsSync(text.trim())) {
    pairs = Object.entries(JSON.parse(readFileSync(text.trim(), 'utf8')) as Record<string, string>);
  } else if (text) {
    pairs = splitPairs(text).map((p) => {
      const i = p.indexOf('=');
      if (i < 1) throw new AppError('invalid', `mapping entry "${p}" is not field=column`);
      return [p.slice(0, i).trim(), p.slice(i + 1)];
    });
  }
  const mapping: Mapping = { common: new Map(), byBreakdown: new Map() };
  if (indicatorId) mapping.common.set('indicator_id', { constant: indicatorId });
  for (const [key, raw] of pairs) {
    const [field, breakdown, extra] = key.split('.');
    if (!field || !isField(field) || extra !== undefined) {
      throw new AppError('invalid', `unknown mapping field "${key}" (fields: ${MAPPING_FIELDS.join(', ')}, optionally .<breakdown>)`);
    }
    const source = parseSource(String(raw));
    if (breakdown === undefined) mapping.common.set(field, source);
    else {
      const m = mapping.byBreakdown.get(breakdown) ?? new Map<MappingField, Source>();
      m.set(field, source);
      mapping.byBreakdown.set(breakdown, m);
    }
  }
  for (const needed of ['indicator_id', 'area_code', 'period'] as const) {
    if (!mapping.common.has(needed)) throw new AppError('invalid', `the mapping must give ${needed}${needed === 'indicator_id' ? ' (or --indicator ID)' : ''}`);
  }
  const numeric = [...mapping.common.keys(), ...[...mapping.byBreakdown.values()].flatMap((m) => [...m.keys()])]
    .filter((f) => NUMERIC_FIELDS.includes(f));
  if (numeric.length === 0) throw new AppError('invalid', 'the mapping must give at least one of numerator, denominator, value');
  return mapping;
}

/** Split on commas that separate pairs (a column name may itself contain commas only inside quotes). */
function splitPairs(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | null = null;
  for (const ch of text) {
    if (quote) { cur += ch; if (ch === quote) quote = null; }
    else if (ch === '"' || ch === "'") { cur += ch; quote = ch; }
    else if (ch === ',') { if (cur.trim()) out.push(cur); cur = ''; }
    else cur += ch;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

/** Every source column a mapping reads. */
export function mappedColumns(mapping: Mapping): string[] {
  const all = [...mapping.common.values(), ...[...mapping.byBreakdown.values()].flatMap((m) => [...m.values()])];
  return [...new Set(all.flatMap((s) => ('column' in s ? [s.column] : [])))];
}
