// The PCT's self-assessment: a level 1–4 and narrative per sub-criterion, evidence linked, draft until
// submitted (then locked). Deadlines are judged at the `now` passed in; after the deadline only an SHA
// reopening allows edits, and each late edit is audited as such. In a streamlined (second) cycle, last
// year's scores and evidence are carried forward, marked for review.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { can, type Principal } from '../platform/auth/policy.ts';
import { scoredCompetencies, type Level } from './framework.ts';
import { selfAssessmentEditable, type Reopening } from './timetable.ts';
import { cycleFramework, getCycle, type Cycle } from './cycle-repo.ts';
import { pctTarget, requireAction, requireSeeAssessment, type PctTarget } from './access.ts';
import { listEvidence, type EvidenceRow } from './evidence-repo.ts';

export interface SelfScore { subCriterion: string; level: Level | null; narrative: string; metrics: string[]; needsReview: boolean }

export interface SelfAssessmentView {
  cycleId: string; orgCode: string; status: 'not_started' | 'draft' | 'submitted'; streamlined: boolean;
  editable: { allowed: boolean; reason: string }; submittedAt: string | null;
  scores: SelfScore[]; evidence: EvidenceRow[]; missingDocuments: string[]; availableMetrics: string[];
}

async function reopeningsFor(db: Db | pg.ClientBase, cycleId: string, orgCode: string): Promise<Reopening[]> {
  const { rows } = await db.query('SELECT until, reason FROM assurance_reopenings WHERE cycle_id = $1 AND org_code = $2', [cycleId, orgCode]);
  return rows.map((r) => ({ until: new Date(r.until).toISOString(), reason: r.reason }));
}

/** Creates the draft on first use; in a streamlined cycle copies last year's scores and evidence, marked for review. */
export async function ensureAssessment(c: pg.ClientBase, cycle: Cycle, orgCode: string, actor: Principal | null): Promise<string> {
  const existing = await c.query('SELECT id FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2', [cycle.id, orgCode]);
  if (existing.rows.length) return existing.rows[0].id;
  const prev = cycle.previousCycleId
    ? (await c.query('SELECT id FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2', [cycle.previousCycleId, orgCode])).rows[0]?.id ?? null
    : null;
  const { rows } = await c.query(
    `INSERT INTO assurance_self_assessments (cycle_id, org_code, carried_from) VALUES ($1, $2, $3)
     ON CONFLICT (cycle_id, org_code) DO NOTHING RETURNING id`, [cycle.id, orgCode, prev]);
  if (!rows.length) return (await c.query('SELECT id FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2', [cycle.id, orgCode])).rows[0].id;
  const id = rows[0].id as string;
  if (prev) {
    await c.query(
      `INSERT INTO assurance_self_scores (self_assessment_id, sub_criterion, level, narrative, metrics, needs_review)
       SELECT $1, sub_criterion, level, narrative, metrics, true FROM assurance_self_scores WHERE self_assessment_id = $2`, [id, prev]);
    await c.query(
      `INSERT INTO assurance_evidence (cycle_id, org_code, document_type, title, file_name, media_type, size_bytes, sha256,
         storage_key, sub_criteria, carried_from, needs_review, uploaded_by, uploaded_at)
       SELECT $1, org_code, document_type, title, file_name, media_type, size_bytes, sha256, storage_key, sub_criteria, id, true,
              uploaded_by, uploaded_at
         FROM assurance_evidence WHERE cycle_id = $2 AND org_code = $3 AND withdrawn_at IS NULL`, [cycle.id, cycle.previousCycleId, orgCode]);
  }
  await recordAudit(c, { actor, action: 'assurance.self.start', objectType: 'assurance_self_assessment', objectId: id, orgCode,
    after: { cycleId: cycle.id, carriedFrom: prev } });
  return id;
}

export async function getSelfAssessment(db: Db, principal: Principal | null, cycleRef: string, orgCode: string, now: Date): Promise<SelfAssessmentView> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  await requireSeeAssessment(db, principal, cycle.id, t);
  const f = await cycleFramework(db, cycle);
  // The PCT's own staff opening it for the first time start the draft (carrying last year's forward).
  if (can(principal, 'assurance:self-assess', t)) await withTransaction(db, (c) => ensureAssessment(c, cycle, t.orgCode, principal));
  const sa = (await db.query('SELECT id, status, carried_from, submitted_at FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode])).rows[0];
  const stored = sa ? (await db.query('SELECT sub_criterion, level, narrative, metrics, needs_review FROM assurance_self_scores WHERE self_assessment_id = $1', [sa.id])).rows : [];
  const byNumber = new Map(stored.map((r) => [r.sub_criterion as string, r]));
  const scores = scoredCompetencies(f).flatMap((c) => c.subCriteria).map((s): SelfScore => {
    const r = byNumber.get(s.number);
    return { subCriterion: s.number, level: r?.level ?? null, narrative: r?.narrative ?? '', metrics: r?.metrics ?? [], needsReview: r?.needs_review ?? false };
  });
  const evidence = await listEvidence(db, cycle.id, t.orgCode);
  const present = new Set(evidence.map((e) => e.documentType));
  const status = sa?.status ?? 'not_started';
  const metricRows = await db.query("SELECT DISTINCT indicator_id FROM indicator_values WHERE area_code = $1 AND area_type = 'pct' ORDER BY 1 LIMIT 200", [t.orgCode]);
  return {
    cycleId: cycle.id, orgCode: t.orgCode, status, streamlined: !!sa?.carried_from, submittedAt: sa?.submitted_at ? new Date(sa.submitted_at).toISOString() : null,
    editable: selfAssessmentEditable(cycle.timetable, now, status === 'submitted' ? 'submitted' : 'draft', await reopeningsFor(db, cycle.id, t.orgCode)),
    scores, evidence, missingDocuments: f.documentTypes.filter((d) => d.required && !present.has(d.id)).map((d) => d.id),
    availableMetrics: metricRows.rows.map((r) => r.indicator_id as string),
  };
}

/** Checks the PCT may edit now, inside the transaction; returns whether this is a late edit under a reopening. */
export async function assertEditable(c: pg.ClientBase, cycle: Cycle, t: PctTarget, now: Date): Promise<{ late: boolean; reason: string }> {
  const sa = (await c.query('SELECT status FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2 FOR UPDATE', [cycle.id, t.orgCode])).rows[0];
  const e = selfAssessmentEditable(cycle.timetable, now, sa?.status ?? 'draft', await reopeningsFor(c, cycle.id, t.orgCode));
  if (!e.allowed) throw new AppError('conflict', `You cannot change this self-assessment: ${e.reason}.`);
  return { late: now.getTime() > Date.parse(cycle.timetable.selfAssessmentDeadline), reason: e.reason };
}

export async function saveSelfScores(db: Db, actor: Principal | null, cycleRef: string, orgCode: string,
  scores: { subCriterion: string; level: Level | null; narrative: string; metrics?: string[] }[], now: Date): Promise<{ saved: number; late: boolean }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:self-assess', t);
  const f = await cycleFramework(db, cycle);
  const known = new Set(scoredCompetencies(f).flatMap((c) => c.subCriteria.map((s) => s.number)));
  const bad = scores.map((s, i) => ({ s, i })).filter(({ s }) => !known.has(s.subCriterion));
  if (bad.length) throw new AppError('invalid', 'Unknown sub-criteria.', bad.map(({ s, i }) => ({ path: `scores/${i}/subCriterion`, message: `no sub-criterion ${s.subCriterion} in ${f.title}` })));
  const metricIds = [...new Set(scores.flatMap((s) => s.metrics ?? []))];
  if (metricIds.length) {
    const { rows } = await db.query('SELECT id FROM indicators WHERE id = ANY($1)', [metricIds]);
    const knownIds = new Set(rows.map((r) => r.id as string));
    const unknown = scores.flatMap((s, i) => (s.metrics ?? []).filter((m) => !knownIds.has(m)).map((m) => ({ path: `scores/${i}/metrics`, message: `no indicator ${m} in the catalogue` })));
    if (unknown.length) throw new AppError('invalid', 'Unknown indicators.', unknown);
  }
  return withTransaction(db, async (c) => {
    const id = await ensureAssessment(c, cycle, t.orgCode, p);
    const { late, reason } = await assertEditable(c, cycle, t, now);
    const before = (await c.query('SELECT sub_criterion, level, narrative FROM assurance_self_scores WHERE self_assessment_id = $1 AND sub_criterion = ANY($2)',
      [id, scores.map((s) => s.subCriterion)])).rows;
    for (const s of scores) {
      await c.query(
        `INSERT INTO assurance_self_scores (self_assessment_id, sub_criterion, level, narrative, metrics, needs_review, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, false, $6, $7)
         ON CONFLICT (self_assessment_id, sub_criterion) DO UPDATE SET level = EXCLUDED.level, narrative = EXCLUDED.narrative,
           metrics = EXCLUDED.metrics, needs_review = false, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
        [id, s.subCriterion, s.level, s.narrative, s.metrics ?? [], p.userId, now]);
    }
    await recordAudit(c, { actor: p, action: late ? 'assurance.self.late-edit' : 'assurance.self.edit', objectType: 'assurance_self_assessment',
      objectId: id, orgCode: t.orgCode, before, after: { scores, ...(late ? { reopening: reason } : {}) } });
    return { saved: scores.length, late };
  });
}

export async function submitSelfAssessment(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, now: Date)
  : Promise<{ status: 'submitted'; submittedAt: string; missingDocuments: string[] }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:self-assess', t);
  const f = await cycleFramework(db, cycle);
  return withTransaction(db, async (c) => {
    const id = await ensureAssessment(c, cycle, t.orgCode, p);
    const { late, reason } = await assertEditable(c, cycle, t, now);
    const { rows } = await c.query('SELECT sub_criterion, level, needs_review FROM assurance_self_scores WHERE self_assessment_id = $1', [id]);
    const done = new Map(rows.map((r) => [r.sub_criterion as string, r]));
    const errors = scoredCompetencies(f).flatMap((comp) => comp.subCriteria).flatMap((s) => {
      const r = done.get(s.number);
      if (!r || r.level === null) return [{ path: s.number, message: `sub-criterion ${s.number} has no level` }];
      if (r.needs_review) return [{ path: s.number, message: `sub-criterion ${s.number} was carried forward from last year: review it` }];
      return [];
    });
    const review = await c.query('SELECT title FROM assurance_evidence WHERE cycle_id = $1 AND org_code = $2 AND needs_review AND withdrawn_at IS NULL', [cycle.id, t.orgCode]);
    for (const e of review.rows) errors.push({ path: 'evidence', message: `"${e.title}" was carried forward from last year: confirm or withdraw it` });
    if (errors.length) throw new AppError('invalid', 'The self-assessment is not complete.', errors);
    await c.query("UPDATE assurance_self_assessments SET status = 'submitted', submitted_at = $2, submitted_by = $3 WHERE id = $1", [id, now, p.userId]);
    const docs = await c.query('SELECT DISTINCT document_type FROM assurance_evidence WHERE cycle_id = $1 AND org_code = $2 AND withdrawn_at IS NULL', [cycle.id, t.orgCode]);
    const present = new Set(docs.rows.map((r) => r.document_type));
    const missingDocuments = f.documentTypes.filter((d) => d.required && !present.has(d.id)).map((d) => d.id);
    await recordAudit(c, { actor: p, action: 'assurance.self.submit', objectType: 'assurance_self_assessment', objectId: id, orgCode: t.orgCode,
      before: { status: 'draft' }, after: { status: 'submitted', late, ...(late ? { reopening: reason } : {}), missingDocuments } });
    return { status: 'submitted' as const, submittedAt: now.toISOString(), missingDocuments };
  });
}
