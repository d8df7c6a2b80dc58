// Segmentation rules as data → one SQL CASE expression whose values are parameters. Feature names are
// checked against the columns the rules may use, so the YAML cannot inject SQL.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { NEEDS_DATA_DIR } from './codelists.ts';

export type Op = '>=' | '>' | '<=' | '<' | '=' | '!=';
export interface Condition { feature: string; op: Op; value: number }
export interface SegmentRule { id: string; label: string; all: Condition[]; any: Condition[] }
export interface Tier { id: string; label: string; share: number }
export interface SegmentationConfig { segments: SegmentRule[]; tiers: Tier[] }

const OPS: readonly Op[] = ['>=', '>', '<=', '<', '=', '!='];

function conditions(list: unknown, where: string): Condition[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new Error(`${where}: expected a list`);
  return list.map((c: Record<string, unknown>) => {
    const op = c.op as Op;
    if (!OPS.includes(op)) throw new Error(`${where}: op must be one of ${OPS.join(' ')}`);
    if (typeof c.value !== 'number') throw new Error(`${where}: value must be a number`);
    return { feature: String(c.feature), op, value: c.value };
  });
}

export function loadSegmentation(file = `${NEEDS_DATA_DIR}segments.yaml`): SegmentationConfig {
  const doc = parse(readFileSync(file, 'utf8')) as { segments?: unknown[]; tiers?: unknown[] };
  const segments = (doc.segments ?? []).map((s: any, i: number) => ({
    id: String(s.id), label: String(s.label ?? s.id),
    all: conditions(s.all, `${file}: segment ${i + 1}.all`), any: conditions(s.any, `${file}: segment ${i + 1}.any`),
  }));
  const last = segments[segments.length - 1];
  if (!last || last.all.length + last.any.length > 0) throw new Error(`${file}: the last segment must have no conditions (everyone else)`);
  const tiers = (doc.tiers ?? []).map((t: any) => ({ id: String(t.id), label: String(t.label ?? t.id), share: Number(t.share) }));
  const total = tiers.reduce((s, t) => s + t.share, 0);
  if (tiers.length === 0 || Math.abs(total - 1) > 1e-9) throw new Error(`${file}: tier shares must add up to 1 (got ${total})`);
  return { segments, tiers };
}

/** A CASE expression assigning the first matching segment; params are appended to `params`. */
export function segmentCase(config: SegmentationConfig, allowed: ReadonlySet<string>, params: (string | number)[]): string {
  const cond = (c: Condition): string => {
    if (!allowed.has(c.feature)) throw new Error(`segment rule uses unknown feature "${c.feature}" (known: ${[...allowed].join(', ')})`);
    params.push(c.value);
    return `coalesce("${c.feature}" ${c.op} $${params.length}, false)`;
  };
  const whens = config.segments.slice(0, -1).map((s) => {
    const parts: string[] = [];
    if (s.all.length) parts.push(s.all.map(cond).join(' AND '));
    if (s.any.length) parts.push(`(${s.any.map(cond).join(' OR ')})`);
    params.push(s.id);
    return `WHEN ${parts.join(' AND ')} THEN $${params.length}`;
  });
  params.push(config.segments[config.segments.length - 1]!.id);
  return `CASE ${whens.join(' ')} ELSE $${params.length} END`;
}

/** Upper rank fractions of each tier: a person at national rank fraction r (0 = highest risk) is in the first tier whose cumulative share exceeds r. */
export function tierBounds(tiers: Tier[]): { id: string; upTo: number }[] {
  let cum = 0;
  return tiers.map((t) => ({ id: t.id, upTo: (cum += t.share) }));
}
