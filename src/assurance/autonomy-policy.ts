// The earned-autonomy policy as data: statuses with their offers, and ordered rules with conditions on a
// PCT's scorecard and league rank, optional caps ("up to 7") and a default. Types and validation only.
import { Checker, join, type FrameworkIssue } from './checker.ts';
import type { Framework, Rag } from './framework.ts';
import { RAGS } from './framework.ts';

export type Condition =
  | { always: true }
  | { governanceOverall: Rag[] }                          // overall governance is one of these
  | { redAreasAtLeast: number }                           // at least n governance areas red
  | { minCompetencyLevel: number }                        // every scored competency at or above
  | { competenciesAtOrBelow: { level: number; count: number } }  // at least `count` competencies at or below `level`
  | { meanCompetencyAtLeast: number }
  | { meanCompetencyBelow: number }
  | { rankAtMost: number }                                // league rank from the top
  | { rankFromBottomAtMost: number }                      // league rank from the bottom (1 = last)
  | { all: Condition[] }
  | { any: Condition[] };
export const CONDITION_TYPES = ['always', 'governanceOverall', 'redAreasAtLeast', 'minCompetencyLevel',
  'competenciesAtOrBelow', 'meanCompetencyAtLeast', 'meanCompetencyBelow', 'rankAtMost', 'rankFromBottomAtMost',
  'all', 'any'] as const;

export interface AutonomyStatus { id: string; title: string; description?: string; offers: string[] }

export interface AutonomyRule {
  status: string;
  when: Condition;
  reason: string;                 // in words, for the PCT and the published explanation
  maxCount?: number;              // cap on PCTs given this status
  select?: 'top' | 'bottom';      // which qualifying PCTs fill a capped status, by league rank
  targetMin?: number;             // a warning is raised when fewer PCTs qualify
}

export interface AutonomyPolicy {
  id: string;
  version: string;
  framework: string;              // framework id the policy applies to
  title: string;
  statuses: AutonomyStatus[];
  rules: AutonomyRule[];
  defaultStatus: string;
  defaultReason: string;
  supportMatching: { weakestCompetencies: number };
}

const SLUG = /^[a-z][a-z0-9_-]*$/;

export function validateAutonomyPolicy(input: unknown, file: string, frameworks: Framework[] = [])
  : { ok: true; policy: AutonomyPolicy } | { ok: false; issues: FrameworkIssue[] } {
  const c = new Checker(file);
  const o = c.object(input, '', ['id', 'version', 'framework', 'title', 'statuses', 'rules', 'defaultStatus',
    'defaultReason', 'supportMatching']) ?? {};
  const framework = c.string(o.framework, 'framework', SLUG, 'a framework id');
  const known = frameworks.filter((f) => f.id === framework);
  if (frameworks.length && known.length === 0) c.fail('framework', `no framework with id "${framework}" is loaded`);
  if (known.some((f) => f.era !== 'wcc')) c.fail('framework', 'autonomy policies currently apply to WCC-era frameworks only');
  const statuses = c.array(o.statuses, 'statuses', 1).map((s, i): AutonomyStatus => {
    const p = join('statuses', i);
    const x = c.object(s, p, ['id', 'title', 'description', 'offers']) ?? {};
    return { id: c.string(x.id, join(p, 'id'), SLUG, 'a lower-case id'), title: c.string(x.title, join(p, 'title')),
      description: c.optionalString(x.description, join(p, 'description')),
      offers: (x.offers === undefined ? [] : c.array(x.offers, join(p, 'offers'))).map((y, k) => c.string(y, join(join(p, 'offers'), k))) };
  });
  c.unique(statuses.map((s, i) => ({ id: s.id, path: join(join('statuses', i), 'id') })), 'status');
  const ids = new Set(statuses.map((s) => s.id));
  const statusRef = (v: unknown, p: string) => {
    const s = c.string(v, p);
    if (s && !ids.has(s)) c.fail(p, `unknown status "${s}" (not in statuses)`);
    return s;
  };
  const rules = c.array(o.rules, 'rules', 1).map((r, i): AutonomyRule => {
    const p = join('rules', i);
    const x = c.object(r, p, ['status', 'when', 'reason', 'maxCount', 'select', 'targetMin']) ?? {};
    const rule: AutonomyRule = { status: statusRef(x.status, join(p, 'status')), when: checkCondition(c, x.when, join(p, 'when')),
      reason: c.string(x.reason, join(p, 'reason')) };
    if (x.maxCount !== undefined) {
      rule.maxCount = c.integer(x.maxCount, join(p, 'maxCount'), 0);
      rule.select = c.oneOf(x.select, join(p, 'select'), ['top', 'bottom'] as const, 'selection');
    } else if (x.select !== undefined) c.fail(join(p, 'select'), 'select only applies with maxCount');
    if (x.targetMin !== undefined) {
      rule.targetMin = c.integer(x.targetMin, join(p, 'targetMin'), 0);
      if (rule.maxCount !== undefined && rule.targetMin > rule.maxCount) c.fail(join(p, 'targetMin'), 'must not exceed maxCount');
    }
    return rule;
  });
  const sm = c.object(o.supportMatching, 'supportMatching', ['weakestCompetencies']) ?? {};
  const policy: AutonomyPolicy = {
    id: c.string(o.id, 'id', SLUG, 'a lower-case id'),
    version: c.string(o.version, 'version', /^\d{4}-\d{2}$/, 'a financial year such as "2009-10"'),
    framework, title: c.string(o.title, 'title'), statuses, rules,
    defaultStatus: statusRef(o.defaultStatus, 'defaultStatus'),
    defaultReason: c.string(o.defaultReason, 'defaultReason'),
    supportMatching: { weakestCompetencies: c.integer(sm.weakestCompetencies, 'supportMatching.weakestCompetencies', 0, 11) },
  };
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, policy: JSON.parse(JSON.stringify(policy)) as AutonomyPolicy };
}

function checkCondition(c: Checker, v: unknown, p: string): Condition {
  const o = c.object(v, p, CONDITION_TYPES) ?? {};
  const keys = Object.keys(o);
  if (keys.length !== 1) {
    c.fail(p, `a condition has exactly one of: ${CONDITION_TYPES.join(', ')} (found ${keys.length ? keys.join(', ') : 'none'}); combine with all/any`);
    return { always: true };
  }
  const k = keys[0] as (typeof CONDITION_TYPES)[number];
  const q = join(p, k);
  switch (k) {
    case 'always':
      if (o.always !== true) c.fail(q, 'must be true');
      return { always: true };
    case 'governanceOverall':
      return { governanceOverall: c.array(o[k], q, 1).map((x, i) => c.oneOf(x, join(q, i), RAGS, 'RAG rating')) };
    case 'redAreasAtLeast': return { redAreasAtLeast: c.integer(o[k], q, 1) };
    case 'minCompetencyLevel': return { minCompetencyLevel: c.integer(o[k], q, 1, 4) };
    case 'meanCompetencyAtLeast': return { meanCompetencyAtLeast: c.number(o[k], q, 1, 4) };
    case 'meanCompetencyBelow': return { meanCompetencyBelow: c.number(o[k], q, 1, 4) };
    case 'rankAtMost': return { rankAtMost: c.integer(o[k], q, 1) };
    case 'rankFromBottomAtMost': return { rankFromBottomAtMost: c.integer(o[k], q, 1) };
    case 'competenciesAtOrBelow': {
      const x = c.object(o[k], q, ['level', 'count']) ?? {};
      return { competenciesAtOrBelow: { level: c.integer(x.level, join(q, 'level'), 1, 4), count: c.integer(x.count, join(q, 'count'), 1) } };
    }
    case 'all':
    case 'any': {
      const list = c.array(o[k], q, 1).map((x, i) => checkCondition(c, x, join(q, i)));
      return k === 'all' ? { all: list } : { any: list };
    }
  }
}

