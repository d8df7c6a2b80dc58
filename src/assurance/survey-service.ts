// The 360° stakeholder survey. The PCT (or its SHA) lists stakeholders by group; each gets a one-time link.
// Only the SHA-256 of the token is stored; answering marks the stakeholder as responded in the same
// statement that checks it (so a token works once, even under concurrent use), and the answers are stored
// against a random response id with the PCT and group only — never the stakeholder, the token or a time.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { can, type Principal } from '../platform/auth/policy.ts';
import type { Survey, SurveyItem } from './framework.ts';
import type { AnswerInput } from './survey-answers.ts';
export type { AnswerInput } from './survey-answers.ts';
import { surveyIsOpen } from './timetable.ts';
import { cycleFramework, cycleFromRow, getCycle } from './cycle-repo.ts';
import { pctTarget, requireAction, requireSeeAssessment } from './access.ts';
import { summariseSurvey, type SurveyAnswer, type SurveyReport } from './survey.ts';
import { SurveySubmissions } from './survey-submissions.ts';

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export interface StakeholderInput { name: string; email: string; group: string }

/** Adds stakeholders and returns each one's link token — shown once, never stored. */
export async function addStakeholders(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, list: StakeholderInput[])
  : Promise<{ stakeholders: { id: string; name: string; email: string; group: string; token: string }[] }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  if (!can(actor, 'assurance:self-assess', t)) requireAction(actor, 'assurance:run', t);
  const p = actor as Principal;
  const f = await cycleFramework(db, cycle);
  const groups = new Set(f.survey.stakeholderGroups.map((g) => g.id));
  const errors = list.flatMap((s, i) => groups.has(s.group) ? [] : [{ path: `stakeholders/${i}/group`, message: `unknown stakeholder group "${s.group}"` }]);
  if (errors.length) throw new AppError('invalid', 'Some stakeholders cannot be added.', errors);
  return withTransaction(db, async (c) => {
    const out = [];
    for (const s of list) {
      const token = randomBytes(24).toString('base64url');
      const { rows } = await c.query(
        `INSERT INTO assurance_stakeholders (cycle_id, org_code, group_id, name, email, token_hash, added_by)
         VALUES ($1, $2, $3, $4, lower($5), $6, $7) ON CONFLICT (cycle_id, org_code, email) DO NOTHING RETURNING id`,
        [cycle.id, t.orgCode, s.group, s.name.trim(), s.email.trim(), hashToken(token), p.userId]);
      if (!rows.length) throw new AppError('conflict', `${s.email} is already on ${t.orgCode}'s stakeholder list.`);
      out.push({ id: rows[0].id as string, name: s.name.trim(), email: s.email.trim().toLowerCase(), group: s.group, token });
    }
    await recordAudit(c, { actor: p, action: 'assurance.stakeholders.add', objectType: 'assurance_stakeholders', objectId: `${cycle.id}:${t.orgCode}`,
      orgCode: t.orgCode, after: out.map(({ name, email, group }) => ({ name, email, group })) });
    return { stakeholders: out };
  });
}

export async function listStakeholders(db: Db, principal: Principal | null, cycleRef: string, orgCode: string) {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  await requireSeeAssessment(db, principal, cycle.id, t);
  const { rows } = await db.query(
    'SELECT id, name, email, group_id, responded FROM assurance_stakeholders WHERE cycle_id = $1 AND org_code = $2 ORDER BY group_id, name', [cycle.id, t.orgCode]);
  return { stakeholders: rows.map((r) => ({ id: r.id as string, name: r.name as string, email: r.email as string, group: r.group_id as string, responded: r.responded as boolean })) };
}

export const itemsFor = (survey: Survey, group: string): SurveyItem[] => survey.items.filter((i) => !i.groups || i.groups.includes(group));

/** Survey sections of framework versions, by "id@version": versions a cycle uses are locked, so caching is safe. */
export type { SurveyCache } from './survey-submissions.ts';
type SurveyCache = Map<string, Survey>;

async function stakeholderByToken(db: Db | pg.ClientBase, token: string, cache: SurveyCache = new Map()) {
  // Named (prepared) statements: the survey endpoint is the busiest one, so PostgreSQL plans these once per connection.
  const { rows } = await db.query({ name: 'assurance-survey-by-token', text:
    `SELECT s.responded, s.group_id, s.org_code, o.name AS org_name, c.*
       FROM assurance_stakeholders s JOIN assurance_cycles c ON c.id = s.cycle_id
       JOIN organisations o ON o.code = s.org_code
      WHERE s.token_hash = $1`, values: [hashToken(token)] });
  if (!rows.length) throw new AppError('not_found', 'This survey link is not valid.');
  const key = `${rows[0].framework_id}@${rows[0].framework_version}`;
  let survey = cache.get(key);
  if (!survey) {
    const f = await db.query("SELECT content -> 'survey' AS survey FROM assurance_frameworks WHERE framework_id = $1 AND version = $2", [rows[0].framework_id, rows[0].framework_version]);
    survey = f.rows[0].survey as Survey;
    cache.set(key, survey);
  }
  return { row: rows[0], cycle: cycleFromRow(rows[0]), survey };
}

/** What a stakeholder sees through their link: the PCT, their group's questions and the scale. */
export async function surveyForToken(db: Db, token: string, now: Date, cache?: SurveyCache) {
  const { row, cycle, survey } = await stakeholderByToken(db, token, cache);
  if (row.responded) throw new AppError('conflict', 'This survey link has already been used. Thank you for your answers.');
  return {
    orgCode: row.org_code as string, orgName: row.org_name as string, year: cycle.year, group: row.group_id as string,
    groupTitle: survey.stakeholderGroups.find((g) => g.id === row.group_id)?.title ?? row.group_id,
    open: surveyIsOpen(cycle.timetable, now), closes: cycle.timetable.surveyCloses, scale: survey.scale,
    items: itemsFor(survey, row.group_id).map((i) => ({ id: i.id, kind: i.kind, text: i.text })),
  };
}


/** Submits one stakeholder's answers (the API batches concurrent submissions through SurveySubmissions). */
export async function submitSurvey(db: Db, token: string, answers: AnswerInput[], now: Date, cache: SurveyCache = new Map()): Promise<{ received: number }> {
  return new SurveySubmissions(db, cache).submit(token, answers, now);
}

async function answersOf(db: Db, cycleId: string, orgCode: string): Promise<SurveyAnswer[]> {
  const { rows } = await db.query(
    `SELECT r.id, r.group_id, a.item_id, a.value, a.text FROM assurance_survey_responses r
       JOIN assurance_survey_answers a ON a.response_id = r.id WHERE r.cycle_id = $1 AND r.org_code = $2`, [cycleId, orgCode]);
  return rows.map((r) => ({ respondentId: r.id, group: r.group_id, itemId: r.item_id, value: r.value, text: r.text ?? undefined }));
}

/** Results against the competencies, small groups suppressed, with last year's results beside them. */
export async function surveyResults(db: Db, principal: Principal | null, cycleRef: string, orgCode: string)
  : Promise<{ current: SurveyReport; previous: SurveyReport | null; invited: Record<string, number>; minimumGroupSize: number }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  await requireSeeAssessment(db, principal, cycle.id, t);
  const f = await cycleFramework(db, cycle);
  const current = summariseSurvey(f, await answersOf(db, cycle.id, t.orgCode));
  let previous: SurveyReport | null = null;
  if (cycle.previousCycleId) {
    const prevCycle = await getCycle(db, cycle.previousCycleId);
    const prevAnswers = await answersOf(db, prevCycle.id, t.orgCode);
    if (prevAnswers.length) previous = summariseSurvey(await cycleFramework(db, prevCycle), prevAnswers);
  }
  const { rows } = await db.query('SELECT group_id, count(*) AS n FROM assurance_stakeholders WHERE cycle_id = $1 AND org_code = $2 GROUP BY group_id', [cycle.id, t.orgCode]);
  return { current, previous, invited: Object.fromEntries(rows.map((r) => [r.group_id, r.n])), minimumGroupSize: f.survey.minimumGroupSize };
}
