// Validates a parsed framework document (from YAML or JSONB) into the typed model, naming the file, the
// path and the reason for every problem. Pure: the caller reads the file.
import { Checker, join, type FrameworkIssue, type Raw } from './checker.ts';
import type {
  Competency, DocumentType, Framework, Governance, GovernanceArea, Level, LevelLabel, SubCriterion,
  SubIndicator, Survey, SurveyItem, WccFramework,
} from './framework.ts';
import { ERAS, LEVELS } from './framework.ts';
import { checkCompetencyRollup, checkLeague, checkRagRollup } from './validate-rules.ts';
import { checkOversight } from './validate-oversight.ts';

export type { FrameworkIssue } from './checker.ts';

export type ValidationResult =
  | { ok: true; framework: Framework }
  | { ok: false; issues: FrameworkIssue[] };

export class FrameworkValidationError extends Error {
  constructor(readonly issues: FrameworkIssue[]) {
    super(`invalid assurance framework:\n${issues.map(formatIssue).join('\n')}`);
    this.name = 'FrameworkValidationError';
  }
}

export function formatIssue(i: FrameworkIssue): string {
  return `${i.file}: ${i.path}: ${i.message}`;
}

const SLUG = /^[a-z][a-z0-9-]*$/;
const YEAR = /^\d{4}-\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COMMON = ['id', 'version', 'era', 'title', 'effectiveFrom', 'effectiveTo', 'summary', 'league'];
const WCC_FIELDS = [...COMMON, 'levels', 'competencyRollup', 'documentTypes', 'competencies', 'governance', 'survey'];
const OVERSIGHT_FIELDS = [...COMMON, 'oversight'];

export function validateFramework(input: unknown, file: string): ValidationResult {
  const c = new Checker(file);
  const era = c.oneOf((input as Raw | null)?.era, 'era', ERAS, 'era');
  const o = c.object(input, '', era === 'wcc' ? WCC_FIELDS : OVERSIGHT_FIELDS);
  if (!o) return { ok: false, issues: c.issues };
  const base = {
    id: c.string(o.id, 'id', SLUG, 'a lower-case id such as "wcc"'),
    version: c.string(o.version, 'version', YEAR, 'a financial year such as "2009-10"'),
    title: c.string(o.title, 'title'),
    effectiveFrom: c.string(o.effectiveFrom, 'effectiveFrom', DATE, 'a date such as "2009-04-01"'),
    effectiveTo: o.effectiveTo === undefined ? undefined : c.string(o.effectiveTo, 'effectiveTo', DATE, 'a date'),
    summary: c.optionalString(o.summary, 'summary'),
    league: checkLeague(c, o.league, 'league', era),
  };
  if (base.effectiveTo && base.effectiveTo < base.effectiveFrom) c.fail('effectiveTo', 'is before effectiveFrom');
  const framework: Framework = era === 'wcc'
    ? checkWcc(c, o, base)
    : { ...base, era: 'oversight', oversight: checkOversight(c, o.oversight, 'oversight') };
  // Plain data only: optional fields left unset are dropped, so a stored copy compares equal to the file.
  return c.issues.length ? { ok: false, issues: c.issues } : { ok: true, framework: JSON.parse(JSON.stringify(framework)) as Framework };
}

/** Validates or throws a FrameworkValidationError listing every issue. */
export function parseFramework(input: unknown, file: string): Framework {
  const r = validateFramework(input, file);
  if (!r.ok) throw new FrameworkValidationError(r.issues);
  return r.framework;
}

function checkWcc(c: Checker, o: Raw, base: Omit<WccFramework, 'era' | 'levels' | 'competencyRollup' |
  'documentTypes' | 'competencies' | 'governance' | 'survey'>): WccFramework {
  const levels = checkLevels(c, o.levels);
  const competencyRollup = checkCompetencyRollup(c, o.competencyRollup, 'competencyRollup') ?? { type: 'minimum' };
  const documentTypes = c.array(o.documentTypes, 'documentTypes', 1).map((d, i): DocumentType => {
    const p = join('documentTypes', i);
    const x = c.object(d, p, ['id', 'title', 'required']) ?? {};
    return { id: c.string(x.id, join(p, 'id'), SLUG, 'a lower-case id'), title: c.string(x.title, join(p, 'title')),
      required: c.boolean(x.required, join(p, 'required'), false) };
  });
  c.unique(documentTypes.map((d, i) => ({ id: d.id, path: join(join('documentTypes', i), 'id') })), 'document type');
  const docIds = new Set(documentTypes.map((d) => d.id));
  const competencies = c.array(o.competencies, 'competencies', 1).map((x, i) => checkCompetency(c, x, i, docIds));
  const governance = checkGovernance(c, o.governance);
  const survey = checkSurvey(c, o.survey, new Set(competencies.map((k) => k.number)));
  return { ...base, era: 'wcc', levels, competencyRollup, documentTypes, competencies, governance, survey };
}

function checkLevels(c: Checker, v: unknown): LevelLabel[] {
  const list = c.array(v, 'levels', 4, 4);
  return list.map((x, i) => {
    const p = join('levels', i);
    const o = c.object(x, p, ['level', 'label']) ?? {};
    if (o.level !== i + 1) c.fail(join(p, 'level'), `levels must be numbered 1 to 4 in order; expected ${i + 1}, found ${JSON.stringify(o.level)}`);
    return { level: (i + 1) as Level, label: c.string(o.label, join(p, 'label')) };
  });
}

function checkCompetency(c: Checker, v: unknown, i: number, docIds: Set<string>): Competency {
  const p = join('competencies', i);
  const o = c.object(v, p, ['number', 'title', 'description', 'scored', 'notScoredReason', 'rollup', 'subCriteria']) ?? {};
  const number = c.integer(o.number, join(p, 'number'), 1);
  if (number !== i + 1) c.fail(join(p, 'number'), `competencies must be numbered 1, 2, 3 … in order; expected ${i + 1}, found ${JSON.stringify(o.number)}`);
  const scored = c.boolean(o.scored, join(p, 'scored'), true);
  const notScoredReason = c.optionalString(o.notScoredReason, join(p, 'notScoredReason'));
  if (!scored && !notScoredReason) c.fail(join(p, 'notScoredReason'), 'a competency that is not scored must say why');
  const subCriteria = c.array(o.subCriteria, join(p, 'subCriteria'), 3, 5)
    .map((s, j) => checkSubCriterion(c, s, join(join(p, 'subCriteria'), j), `${i + 1}.${j + 1}`, docIds));
  const rollup = o.rollup === undefined ? undefined
    : checkCompetencyRollup(c, o.rollup, join(p, 'rollup'), subCriteria.map((s) => s.number));
  return { number, title: c.string(o.title, join(p, 'title')), description: c.string(o.description, join(p, 'description')),
    scored, notScoredReason, rollup, subCriteria };
}

function checkSubCriterion(c: Checker, v: unknown, p: string, expected: string, docIds: Set<string>): SubCriterion {
  const o = c.object(v, p, ['number', 'title', 'descriptors', 'evidence']) ?? {};
  const number = c.string(o.number, join(p, 'number'));
  if (number && number !== expected) c.fail(join(p, 'number'), `sub-criteria must be numbered in order; expected "${expected}", found "${number}"`);
  const dp = join(p, 'descriptors');
  const d = c.object(o.descriptors, dp, ['1', '2', '3', '4']) ?? {};
  const descriptors = {} as Record<Level, string>;
  for (const level of LEVELS) {
    if (d[level] === undefined) c.fail(dp, `missing descriptor for level ${level} (sub-criterion ${expected})`);
    else descriptors[level] = c.string(d[level], join(dp, String(level)));
  }
  for (const a of LEVELS) for (const b of LEVELS) {
    if (a < b && descriptors[a] && descriptors[a] === descriptors[b]) c.fail(dp, `levels ${a} and ${b} have the same descriptor; each level must describe a step up`);
  }
  const ep = join(p, 'evidence');
  const e = c.object(o.evidence, ep, ['documents', 'metrics', 'survey']) ?? {};
  const documents = (e.documents === undefined ? [] : c.array(e.documents, join(ep, 'documents')))
    .map((x, k) => c.string(x, join(join(ep, 'documents'), k)));
  documents.forEach((x, k) => {
    if (x && !docIds.has(x)) c.fail(join(join(ep, 'documents'), k), `unknown document type "${x}" (not in documentTypes)`);
  });
  const metrics = (e.metrics === undefined ? [] : c.array(e.metrics, join(ep, 'metrics'))).map((x, k) => c.string(x, join(join(ep, 'metrics'), k)));
  const survey = c.boolean(e.survey, join(ep, 'survey'), false);
  if (documents.length + metrics.length === 0 && !survey) c.fail(ep, `sub-criterion ${expected} names no evidence`);
  return { number, title: c.string(o.title, join(p, 'title')), descriptors, evidence: { documents, metrics, survey } };
}

function checkGovernance(c: Checker, v: unknown): Governance {
  const o = c.object(v, 'governance', ['ragPoints', 'areaRollup', 'overallRollup', 'areas']) ?? {};
  const rp = c.object(o.ragPoints, 'governance.ragPoints', ['red', 'amber', 'green']) ?? {};
  const ragPoints = { red: c.number(rp.red, 'governance.ragPoints.red', 0), amber: c.number(rp.amber, 'governance.ragPoints.amber', 0),
    green: c.number(rp.green, 'governance.ragPoints.green', 0) };
  if (!(ragPoints.red < ragPoints.amber && ragPoints.amber < ragPoints.green)) c.fail('governance.ragPoints', 'points must rise from red to amber to green');
  const areaRollup = checkRagRollup(c, o.areaRollup, 'governance.areaRollup', ragPoints.green) ?? { type: 'worst' };
  const overallRollup = checkRagRollup(c, o.overallRollup, 'governance.overallRollup', ragPoints.green) ?? { type: 'worst' };
  const areas = c.array(o.areas, 'governance.areas', 1).map((a, i): GovernanceArea => {
    const p = join('governance.areas', i);
    const x = c.object(a, p, ['id', 'title', 'subIndicators']) ?? {};
    const subIndicators = c.array(x.subIndicators, join(p, 'subIndicators'), 1).map((s, j): SubIndicator => {
      const sp = join(join(p, 'subIndicators'), j);
      const y = c.object(s, sp, ['id', 'title', 'red', 'amber', 'green']) ?? {};
      return { id: c.string(y.id, join(sp, 'id'), /^[A-Z][A-Z0-9]*\d+$/, 'an id such as "S1"'), title: c.string(y.title, join(sp, 'title')),
        red: c.string(y.red, join(sp, 'red')), amber: c.string(y.amber, join(sp, 'amber')), green: c.string(y.green, join(sp, 'green')) };
    });
    return { id: c.string(x.id, join(p, 'id'), SLUG, 'a lower-case id'), title: c.string(x.title, join(p, 'title')), subIndicators };
  });
  c.unique(areas.map((a, i) => ({ id: a.id, path: join(join('governance.areas', i), 'id') })), 'governance area');
  c.unique(areas.flatMap((a, i) => a.subIndicators.map((s, j) => ({ id: s.id, path: `governance.areas[${i}].subIndicators[${j}].id` }))), 'sub-indicator');
  return { ragPoints, areaRollup, overallRollup, areas };
}

function checkSurvey(c: Checker, v: unknown, competencyNumbers: Set<number>): Survey {
  const o = c.object(v, 'survey', ['scale', 'minimumGroupSize', 'stakeholderGroups', 'items']) ?? {};
  const s = c.object(o.scale, 'survey.scale', ['min', 'max', 'labels', 'allowDontKnow']) ?? {};
  const min = c.integer(s.min, 'survey.scale.min'), max = c.integer(s.max, 'survey.scale.max');
  if (!(min < max)) c.fail('survey.scale', 'min must be below max');
  const labels = c.array(s.labels, 'survey.scale.labels', max - min + 1, max - min + 1).map((l, i) => c.string(l, join('survey.scale.labels', i)));
  const stakeholderGroups = c.array(o.stakeholderGroups, 'survey.stakeholderGroups', 1).map((g, i) => {
    const p = join('survey.stakeholderGroups', i);
    const x = c.object(g, p, ['id', 'title']) ?? {};
    return { id: c.string(x.id, join(p, 'id'), SLUG, 'a lower-case id'), title: c.string(x.title, join(p, 'title')) };
  });
  c.unique(stakeholderGroups.map((g, i) => ({ id: g.id, path: join(join('survey.stakeholderGroups', i), 'id') })), 'stakeholder group');
  const items = c.array(o.items, 'survey.items', 1).map((it, i): SurveyItem => {
    const p = join('survey.items', i);
    const x = c.object(it, p, ['id', 'competency', 'kind', 'text', 'groups']) ?? {};
    const kind = c.oneOf(x.kind, join(p, 'kind'), ['likert', 'free_text'] as const, 'survey item kind');
    let competency: number | null = null;
    if (x.competency === null || x.competency === undefined) {
      if (kind === 'likert') c.fail(join(p, 'competency'), 'a Likert item must map to a competency');
    } else {
      competency = c.integer(x.competency, join(p, 'competency'));
      if (!competencyNumbers.has(competency)) c.fail(join(p, 'competency'), `competency ${competency} does not exist in this framework`);
    }
    const groupIds = new Set(stakeholderGroups.map((g) => g.id));
    const groups = x.groups === undefined ? undefined : c.array(x.groups, join(p, 'groups'), 1).map((g, k) => {
      const id = c.string(g, join(join(p, 'groups'), k));
      if (id && !groupIds.has(id)) c.fail(join(join(p, 'groups'), k), `unknown stakeholder group "${id}"`);
      return id;
    });
    return { id: c.string(x.id, join(p, 'id')), competency, kind, text: c.string(x.text, join(p, 'text')), groups };
  });
  c.unique(items.map((it, i) => ({ id: it.id, path: join(join('survey.items', i), 'id') })), 'survey item');
  return { scale: { min, max, labels, allowDontKnow: c.boolean(s.allowDontKnow, 'survey.scale.allowDontKnow', false) },
    minimumGroupSize: c.integer(o.minimumGroupSize, 'survey.minimumGroupSize', 1), stakeholderGroups, items };
}

