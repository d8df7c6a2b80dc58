/**
 * Turns `wcc stats` command-line strings into StatsOptions, driven by the shared option table
 * (src/stats/run/methods.ts) so every option is declared, parsed and checked in one place.
 */
import { StatsInputError } from '../stats/confidence.ts';
import { flagName, STATS_OPTIONS, type OptionSpec } from '../stats/run/methods.ts';
import type { StatsOptions } from '../stats/run/options.ts';

type Raw = Record<string, string | boolean | undefined>;

/** Commander's attribute for a flag: `--group-by <c>` → groupBy, `--no-screen-outliers` → screenOutliers. */
export function attributeOf(spec: OptionSpec): string {
  return flagName(spec).replace(/^--(no-)?/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

const list = (v: string): string[] => v.split(',').map((s) => s.trim()).filter(Boolean);

function toNumber(v: string, flag: string, what = 'a number'): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw new StatsInputError(flag, `${flag} must be ${what}, got "${v}"`);
  return n;
}

function checkRange(n: number, spec: OptionSpec, flag: string): number {
  if (spec.kind === 'integer' && !Number.isInteger(n)) throw new StatsInputError(flag, `${flag} must be a whole number, got ${n}`);
  if (spec.min !== undefined && (spec.exclusiveMin ? !(n > spec.min) : !(n >= spec.min))) {
    throw new StatsInputError(flag, `${flag} must be ${spec.exclusiveMin ? 'greater than' : 'at least'} ${spec.min}, got ${n}`);
  }
  if (spec.max !== undefined && n > spec.max) throw new StatsInputError(flag, `${flag} must be at most ${spec.max}, got ${n}`);
  return n;
}

function parseOne(spec: OptionSpec, v: string | boolean): unknown {
  const flag = flagName(spec).replace(/^--no-/, '--');
  switch (spec.kind) {
    case 'boolean': return v === true;
    case 'negatable': return v === false ? false : undefined;
    case 'file-rows': return undefined; // read by stats-run.ts, which knows the file to name in errors
    case 'string':
    case 'text-or-numbers': return String(v);
    case 'list': return list(String(v));
    case 'number':
    case 'integer': return checkRange(toNumber(String(v), flag), spec, flag);
    case 'numbers': return list(String(v)).map((c) => toNumber(c, flag, 'numbers like 95,99.8'));
    case 'choice': {
      const hit = spec.choices!.find((c) => String(c) === String(v));
      if (hit === undefined) throw new StatsInputError(flag, `${flag} must be one of ${spec.choices!.join(', ')}, got "${String(v)}"`);
      return hit;
    }
    case 'map': {
      const map: Record<string, string> = {};
      for (const pair of list(String(v))) {
        const [k, s] = pair.split('=').map((x) => x.trim());
        if (!k || !s) throw new StatsInputError(flag, `${flag} entries must look like col=source, got "${pair}"`);
        map[k] = s;
      }
      return map;
    }
    case 'invert': {
      const s = String(v);
      return /^(true|TRUE|T|1)$/.test(s) ? true : /^(false|FALSE|F|0)$/.test(s) ? false : s;
    }
  }
}

export function parseCliOptions(raw: Raw): StatsOptions {
  const options: Record<string, unknown> = { map: {} };
  for (const spec of STATS_OPTIONS) {
    const v = raw[attributeOf(spec)];
    if (v === undefined) continue;
    const parsed = parseOne(spec, v);
    if (parsed !== undefined) options[spec.key] = parsed;
  }
  return options as StatsOptions;
}
