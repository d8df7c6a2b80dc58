// The condition groups (data/conditions.yaml) and segmentation rules (data/segments.yaml): loaded,
// checked, and turned into rows and parameters for SQL. No SQL text is built from the files' values;
// ids become column names only after matching /^[a-z][a-z0-9_]*$/.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type GroupKind = 'ltc' | 'acsc' | 'marker';
export interface ConditionGroup { id: string; kind: GroupKind; label: string; codes: string[] }

export const NEEDS_DATA_DIR = new URL('./data/', import.meta.url).pathname;
const ID = /^[a-z][a-z0-9_]*$/;
const CODE = /^[A-Z][0-9][0-9A-Z]{1,2}$/;

export function loadConditionGroups(file = `${NEEDS_DATA_DIR}conditions.yaml`): ConditionGroup[] {
  const doc = parse(readFileSync(file, 'utf8')) as { groups?: unknown };
  if (!Array.isArray(doc.groups)) throw new Error(`${file}: expected a list "groups"`);
  const seen = new Set<string>();
  return doc.groups.map((g: Record<string, unknown>, i: number) => {
    const id = String(g.id ?? '');
    if (!ID.test(id) || seen.has(id)) throw new Error(`${file}: group ${i + 1}: id "${id}" must be unique snake_case`);
    seen.add(id);
    const kind = g.kind;
    if (kind !== 'ltc' && kind !== 'acsc' && kind !== 'marker') throw new Error(`${file}: group ${id}: kind must be ltc, acsc or marker`);
    const codes = (Array.isArray(g.codes) ? g.codes : []).map((c) => String(c).toUpperCase());
    const bad = codes.find((c) => !CODE.test(c));
    if (bad || codes.length === 0) throw new Error(`${file}: group ${id}: bad or missing ICD-10 code ${bad ?? ''}`);
    return { id, kind, label: String(g.label ?? id), codes };
  });
}

export function isIdentifier(s: string): boolean {
  return ID.test(s);
}
