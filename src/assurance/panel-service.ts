// The panel for one PCT: the SHA assigns members and a chair; each member declares conflicts of interest,
// scores every competency (level) and governance sub-indicator (RAG) alone, then submits. A member sees
// colleagues' scores only after submitting; others who may see the assessment see submitted scores only.
// The chair records the agreed outcome with a rationale once every unconflicted member has submitted.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { allSubIndicators, scoredCompetencies, type WccFramework } from './framework.ts';
import { cycleFramework, getCycle } from './cycle-repo.ts';
import { pctTarget, requireAction, requireSeeAssessment } from './access.ts';
import { panelAgreement, type PanelAgreement } from './agreement.ts';
import type { ItemKind, PanelItem } from './panel-items.ts';
import { checkItems } from './panel-items.ts';

export async function assignPanel(db: Db, actor: Principal | null, cycleRef: string, orgCode: string,
  members: { email: string; chair: boolean }[]): Promise<{ members: { email: string; chair: boolean }[] }> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:run', t);
  if (members.filter((m) => m.chair).length !== 1) throw new AppError('invalid', 'Name exactly one chair.', [{ path: 'members', message: 'exactly one chair' }]);
  return withTransaction(db, async (c) => {
    const before = (await c.query('SELECT u.email, m.chair FROM assurance_panel_members m JOIN users u ON u.id = m.user_id WHERE m.cycle_id = $1 AND m.org_code = $2', [cycle.id, t.orgCode])).rows;
    await c.query('UPDATE assurance_panel_members SET chair = false WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode]);
    for (const [i, m] of members.entries()) {
      const { rows } = await c.query(
        `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id
          WHERE u.email = lower($1) AND NOT u.disabled AND r.role IN ('sha_panel_member', 'sha_assurance_lead') AND r.org_code = $2`, [m.email.trim(), t.shaCode]);
      if (!rows.length) throw new AppError('invalid', `${m.email} is not a panel member or assurance lead of ${t.shaCode}.`, [{ path: `members/${i}/email`, message: 'not a panel member of this SHA' }]);
      await c.query(
        `INSERT INTO assurance_panel_members (cycle_id, org_code, user_id, chair, assigned_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (cycle_id, org_code, user_id) DO UPDATE SET chair = EXCLUDED.chair`, [cycle.id, t.orgCode, rows[0].id, m.chair, p.userId]);
    }
    await recordAudit(c, { actor: p, action: 'assurance.panel.assign', objectType: 'assurance_panel', objectId: `${cycle.id}:${t.orgCode}`, orgCode: t.orgCode, before, after: members });
    return { members };
  });
}

async function myMembership(db: Db, actor: Principal | null, cycleRef: string, orgCode: string) {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const p = requireAction(actor, 'assurance:panel-score', t);
  const { rows } = await db.query('SELECT * FROM assurance_panel_members WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3', [cycle.id, t.orgCode, p.userId]);
  if (!rows.length) throw new AppError('forbidden', `You are not on the panel for ${t.orgCode}.`);
  return { cycle, t, p, member: rows[0] };
}

export async function declareConflict(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, input: { conflict: 'none' | 'declared'; note: string }, now: Date) {
  const { cycle, t, p, member } = await myMembership(db, actor, cycleRef, orgCode);
  if (member.submitted_at) throw new AppError('conflict', 'You have already submitted your scores.');
  if (input.conflict === 'declared' && !input.note.trim()) throw new AppError('invalid', 'Describe the conflict of interest.', [{ path: 'note', message: 'required' }]);
  await withTransaction(db, async (c) => {
    await c.query('UPDATE assurance_panel_members SET conflict = $4, conflict_note = $5, declared_at = $6 WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3',
      [cycle.id, t.orgCode, p.userId, input.conflict, input.note.trim(), now]);
    if (input.conflict === 'declared') await c.query('DELETE FROM assurance_panel_scores WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3', [cycle.id, t.orgCode, p.userId]);
    await recordAudit(c, { actor: p, action: 'assurance.panel.conflict', objectType: 'assurance_panel', objectId: `${cycle.id}:${t.orgCode}`, orgCode: t.orgCode,
      before: { conflict: member.conflict }, after: input });
  });
  return { conflict: input.conflict };
}

async function selfSubmitted(db: Db, cycleId: string, orgCode: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM assurance_self_assessments WHERE cycle_id = $1 AND org_code = $2 AND status = 'submitted'", [cycleId, orgCode]);
  return rows.length > 0;
}

export async function saveMyScores(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, items: PanelItem[], submit: boolean, now: Date) {
  const { cycle, t, p, member } = await myMembership(db, actor, cycleRef, orgCode);
  if (member.conflict !== 'none') throw new AppError('conflict', member.conflict === 'declared' ? 'You declared a conflict of interest and cannot score this PCT.' : 'Declare any conflict of interest before scoring.');
  if (member.submitted_at) throw new AppError('conflict', 'You have already submitted your scores.');
  if (cycle.confirmedAt) throw new AppError('conflict', 'The cycle\'s ratings are confirmed.');
  if (!(await selfSubmitted(db, cycle.id, t.orgCode)) && now.getTime() <= Date.parse(cycle.timetable.selfAssessmentDeadline)) {
    throw new AppError('conflict', `${t.orgCode} has not submitted its self-assessment; the panel scores after submission or the deadline.`);
  }
  const f = await cycleFramework(db, cycle);
  checkItems(f, items, false);
  return withTransaction(db, async (c) => {
    for (const i of items) {
      await c.query(
        `INSERT INTO assurance_panel_scores (cycle_id, org_code, user_id, item_kind, item, level, rag, note, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (cycle_id, org_code, user_id, item_kind, item) DO UPDATE SET level = EXCLUDED.level, rag = EXCLUDED.rag, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at`,
        [cycle.id, t.orgCode, p.userId, i.kind, i.item, i.level ?? null, i.rag ?? null, i.note ?? '', now]);
    }
    if (submit) {
      const { rows } = await c.query('SELECT item_kind, item FROM assurance_panel_scores WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3', [cycle.id, t.orgCode, p.userId]);
      const have = new Set(rows.map((r) => `${r.item_kind}:${r.item}`));
      const missing = expectedItems(f).filter((k) => !have.has(k));
      if (missing.length) throw new AppError('invalid', 'Score every competency and sub-indicator before submitting.', missing.map((m) => ({ path: m, message: 'not scored' })));
      await c.query('UPDATE assurance_panel_members SET submitted_at = $4 WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3', [cycle.id, t.orgCode, p.userId, now]);
    }
    await recordAudit(c, { actor: p, action: submit ? 'assurance.panel.submit' : 'assurance.panel.score', objectType: 'assurance_panel', objectId: `${cycle.id}:${t.orgCode}`, orgCode: t.orgCode, after: items });
    return { saved: items.length, submitted: submit };
  });
}

export const expectedItems = (f: WccFramework) => [
  ...scoredCompetencies(f).map((c) => `competency:${c.number}`), ...allSubIndicators(f).map((s) => `sub_indicator:${s.id}`)];

export interface PanelView {
  members: { userId: string; name: string; email: string; chair: boolean; conflict: string | null; conflictNote: string; submitted: boolean }[];
  me: { member: boolean; chair: boolean; conflict: string | null; submitted: boolean };
  scores: { userId: string; name: string; kind: ItemKind; item: string; level: number | null; rag: string | null; note: string }[];
  othersHidden: boolean;
  agreed: { kind: ItemKind; item: string; level: number | null; rag: string | null; rationale: string; moderated: boolean }[];
  agreement: PanelAgreement | null;
}

export async function getPanel(db: Db, principal: Principal | null, cycleRef: string, orgCode: string): Promise<PanelView> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  await requireSeeAssessment(db, principal, cycle.id, t);
  const { rows: mem } = await db.query(
    `SELECT m.*, u.display_name, u.email FROM assurance_panel_members m JOIN users u ON u.id = m.user_id
      WHERE m.cycle_id = $1 AND m.org_code = $2 ORDER BY m.chair DESC, u.display_name`, [cycle.id, t.orgCode]);
  const mine = mem.find((m) => m.user_id === principal?.userId);
  const submittedIds = new Set(mem.filter((m) => m.submitted_at).map((m) => m.user_id as string));
  const canSeeOthers = mine ? !!mine.submitted_at : true;
  const { rows: sc } = await db.query('SELECT * FROM assurance_panel_scores WHERE cycle_id = $1 AND org_code = $2 ORDER BY item_kind, item', [cycle.id, t.orgCode]);
  const names = new Map(mem.map((m) => [m.user_id as string, m.display_name as string]));
  const visible = sc.filter((s) => s.user_id === principal?.userId || (canSeeOthers && submittedIds.has(s.user_id)));
  const { rows: ag } = await db.query('SELECT * FROM assurance_agreed_scores WHERE cycle_id = $1 AND org_code = $2 ORDER BY item_kind, item', [cycle.id, t.orgCode]);
  const raters = [...submittedIds].map((id) => ({
    raterId: names.get(id) ?? id,
    levels: Object.fromEntries(sc.filter((s) => s.user_id === id && s.item_kind === 'competency').map((s) => [s.item, s.level])),
    rags: Object.fromEntries(sc.filter((s) => s.user_id === id && s.item_kind === 'sub_indicator').map((s) => [s.item, s.rag])),
  }));
  return {
    members: mem.map((m) => ({ userId: m.user_id, name: m.display_name, email: m.email, chair: m.chair, conflict: m.conflict, conflictNote: m.conflict_note, submitted: !!m.submitted_at })),
    me: { member: !!mine, chair: !!mine?.chair, conflict: mine?.conflict ?? null, submitted: !!mine?.submitted_at },
    scores: visible.map((s) => ({ userId: s.user_id, name: names.get(s.user_id) ?? '', kind: s.item_kind, item: s.item, level: s.level, rag: s.rag, note: s.note })),
    othersHidden: !canSeeOthers,
    agreed: ag.map((a) => ({ kind: a.item_kind, item: a.item, level: a.level, rag: a.rag, rationale: a.rationale, moderated: a.moderated })),
    agreement: canSeeOthers && raters.length >= 2 ? panelAgreement(raters) : null,
  };
}

/** The chair records the agreed level per competency and RAG per sub-indicator, each with a rationale. */
export async function recordAgreed(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, items: PanelItem[], now: Date) {
  const { cycle, t, p, member } = await myMembership(db, actor, cycleRef, orgCode);
  if (!member.chair) throw new AppError('forbidden', 'Only the panel chair records the agreed scores.');
  if (cycle.confirmedAt) throw new AppError('conflict', 'The cycle\'s ratings are confirmed; changes now go through national moderation.');
  const waiting = await db.query("SELECT count(*) AS n FROM assurance_panel_members WHERE cycle_id = $1 AND org_code = $2 AND submitted_at IS NULL AND coalesce(conflict, '') <> 'declared'", [cycle.id, t.orgCode]);
  if (waiting.rows[0].n > 0) throw new AppError('conflict', `${waiting.rows[0].n} panel member(s) have not submitted their scores yet.`);
  const f = await cycleFramework(db, cycle);
  checkItems(f, items, true);
  return withTransaction(db, async (c) => {
    const before = (await c.query('SELECT item_kind, item, level, rag, rationale FROM assurance_agreed_scores WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode])).rows;
    for (const i of items) {
      await c.query(
        `INSERT INTO assurance_agreed_scores (cycle_id, org_code, item_kind, item, level, rag, rationale, agreed_by, agreed_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)
         ON CONFLICT (cycle_id, org_code, item_kind, item) DO UPDATE SET level = EXCLUDED.level, rag = EXCLUDED.rag, rationale = EXCLUDED.rationale,
           agreed_by = EXCLUDED.agreed_by, agreed_at = EXCLUDED.agreed_at`,
        [cycle.id, t.orgCode, i.kind, i.item, i.level ?? null, i.rag ?? null, (i.note ?? '').trim(), p.userId, now]);
    }
    await recordAudit(c, { actor: p, action: 'assurance.panel.agree', objectType: 'assurance_agreed_scores', objectId: `${cycle.id}:${t.orgCode}`, orgCode: t.orgCode, before, after: items });
    return { saved: items.length };
  });
}
