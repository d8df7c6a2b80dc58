// Small helpers for hand-written validation that report the file, the path and the reason of every error,
// in words an administrator editing a YAML file can act on.

export interface FrameworkIssue { file: string; path: string; message: string }

export type Raw = Record<string, unknown>;

export class Checker {
  readonly issues: FrameworkIssue[] = [];
  constructor(readonly file: string) {}

  fail(path: string, message: string): void {
    this.issues.push({ file: this.file, path: path || '(root)', message });
  }

  object(v: unknown, path: string, allowed: readonly string[]): Raw | undefined {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      this.fail(path, `must be a mapping, found ${describe(v)}`);
      return undefined;
    }
    for (const k of Object.keys(v)) {
      if (!allowed.includes(k)) this.fail(join(path, k), `unknown field "${k}" (allowed: ${allowed.join(', ')})`);
    }
    return v as Raw;
  }

  array(v: unknown, path: string, min = 0, max = Infinity): unknown[] {
    if (!Array.isArray(v)) {
      this.fail(path, `must be a list, found ${describe(v)}`);
      return [];
    }
    if (v.length < min || v.length > max) {
      const range = max === Infinity ? `at least ${min}` : min === max ? `exactly ${min}` : `${min} to ${max}`;
      this.fail(path, `must have ${range} entries, found ${v.length}`);
    }
    return v;
  }

  string(v: unknown, path: string, pattern?: RegExp, hint?: string): string {
    if (typeof v !== 'string' || v.trim() === '') {
      this.fail(path, `must be a non-empty text, found ${describe(v)}`);
      return '';
    }
    if (pattern && !pattern.test(v)) this.fail(path, `"${v}" is not ${hint ?? `in the form ${pattern}`}`);
    return v;
  }

  optionalString(v: unknown, path: string): string | undefined {
    return v === undefined ? undefined : this.string(v, path);
  }

  number(v: unknown, path: string, min = -Infinity, max = Infinity): number {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.fail(path, `must be a number, found ${describe(v)}`);
      return NaN;
    }
    if (v < min || v > max) this.fail(path, `must be between ${min} and ${max}, found ${v}`);
    return v;
  }

  integer(v: unknown, path: string, min = -Infinity, max = Infinity): number {
    const n = this.number(v, path, min, max);
    if (Number.isFinite(n) && !Number.isInteger(n)) this.fail(path, `must be a whole number, found ${n}`);
    return n;
  }

  boolean(v: unknown, path: string, fallback: boolean): boolean {
    if (v === undefined) return fallback;
    if (typeof v !== 'boolean') {
      this.fail(path, `must be true or false, found ${describe(v)}`);
      return fallback;
    }
    return v;
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[], what: string): T {
    if (typeof v !== 'string' || !(options as readonly string[]).includes(v)) {
      this.fail(path, `unknown ${what} ${JSON.stringify(v)} (expected one of: ${options.join(', ')})`);
      return options[0];
    }
    return v as T;
  }

  /** Reports every id seen more than once, at the path of the repeat. */
  unique(ids: { id: string; path: string }[], what: string): void {
    const seen = new Map<string, string>();
    for (const { id, path } of ids) {
      const first = seen.get(id);
      if (first !== undefined) this.fail(path, `duplicate ${what} "${id}" (first defined at ${first})`);
      else seen.set(id, path);
    }
  }

  /** Checks that weights sum to 1 (to within rounding). */
  weightsSumToOne(weights: number[], path: string, what: string): void {
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6) this.fail(path, `${what} must sum to 1, found ${round6(sum)}`);
  }
}

export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
