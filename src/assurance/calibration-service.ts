// National calibration and moderation: the data for calibrate() from agreed scores, self-assessments and
// outcomes, and moderation of an agreed score with its reason (kept, and audited).
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { evaluateCompetencies } from './rollup.ts';
import type { Level } from './framework.ts';
import { cycleFramework, getCycle } from './cycle-repo.ts';
import { pctTarget, requireAction } from './access.ts';
import { calibrate, type Calibration, type CalibrationInput } from './calibration.ts';
import type { PanelItem } from './panel-items.ts';
import { checkItems } from './panel-items.ts';

/**
 * Outcome index per PCT: among its indicator values for the cycle's year, the share better than England
 * minus the share worse (−1 … 1); null where the outcomes module holds nothing for it.
 */
async function outcomeIndex(db: Db, year: string): Promise<Map<string, number>> {
  const { rows } = await db.query(
    `SELECT area_code, avg(CASE WHEN compared_to_england ILIKE 'better%' THEN 1 WHEN compared_to_england ILIKE 'worse%' THEN -1 ELSE 0 END) AS idx
       FROM indicator_values WHERE area_type = 'pct' AND period = $1 AND breakdown = 'persons' AND compared_to_england IS NOT NULL
      GROUP BY area_code`, [year]);
  return new Map(rows.map((r) => [r.area_code as string, Number(r.idx)]));
}

export async function calibrationView(db: Db, actor: Principal | null, cycleRef: string): Promise<Calibration & { moderations: unknown[] }> {
  requireAction(actor, 'assurance:manage');
  const cycle = await getCycle(db, cycleRef);
  const f = await cycleFramework(db, cycle);
  const { rows } = await db.query(
    `SELECT a.org_code, h.parent_code AS sha, a.item, a.level FROM assurance_agreed_scores a
       JOIN organisation_hierarchy h ON h.child_code = a.org_code AND h.valid_from <= $2::date AND (h.valid_to IS NULL OR h.valid_to >= $2::date)
      WHERE a.cycle_id = $1 AND a.item_kind = 'competency'`, [cycle.id, `${cycle.year.slice(0, 4)}-04-01`]);
  const selfRows = await db.query(
    `SELECT sa.org_code, s.sub_criterion, s.level FROM assurance_self_assessments sa JOIN assurance_self_scores s ON s.self_assessment_id = sa.id
      WHERE sa.cycle_id = $1 AND s.level IS NOT NULL`, [cycle.id]);
  const outcomes = await outcomeIndex(db, cycle.year);
  const byOrg = new Map<string, CalibrationInput>();
  for (const r of rows) {
    const input: CalibrationInput = byOrg.get(r.org_code) ?? { shaCode: r.sha, orgCode: r.org_code, panelLevels: {}, selfMean: null, outcomeIndex: outcomes.get(r.org_code) ?? null };
    input.panelLevels[r.item] = r.level;
    byOrg.set(r.org_code, input);
  }
  for (const input of byOrg.values()) {
    const subs = Object.fromEntries(selfRows.rows.filter((s) => s.org_code === input.orgCode).map((s) => [s.sub_criterion, s.level as Level]));
    const levels = evaluateCompetencies(f, subs).filter((c) => c.scored && c.level !== null).map((c) => c.level as number);
    input.selfMean = levels.length ? levels.reduce((a, b) => a + b, 0) / levels.length : null;
  }
  const { rows: moderations } = await db.query(
    `SELECT m.org_code, m.item_kind, m.item, m.before_value, m.after_value, m.reason, m.moderated_at, u.email
       FROM assurance_moderations m JOIN users u ON u.id = m.moderated_by WHERE m.cycle_id = $1 ORDER BY m.id`, [cycle.id]);
  return { ...calibrate([...byOrg.values()]), moderations: moderations.map((m) => ({ orgCode: m.org_code, kind: m.item_kind, item: m.item,
    before: m.before_value, after: m.after_value, reason: m.reason, by: m.email, at: new Date(m.moderated_at).toISOString() })) };
}

/** Moderates one agreed score after calibration, with a reason of at least ten characters. */
export async function moderate(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, item: PanelItem, reason: string, now: Date) {
  const p = requireAction(actor, 'assurance:manage');
  const cycle = await getCycle(db, cycleRef);
  if (cycle.confirmedAt) throw new AppError('conflict', 'This cycle\'s ratings are confirmed.');
  if (reason.trim().length < 10) throw new AppError('invalid', 'Give the reason for moderating (at least ten characters).', [{ path: 'reason', message: 'at least 10 characters' }]);
  const t = await pctTarget(db, orgCode);
  const f = await cycleFramework(db, cycle);
  checkItems(f, [item], false);
  return withTransaction(db, async (c) => {
    const { rows } = await c.query('SELECT level, rag FROM assurance_agreed_scores WHERE cycle_id = $1 AND org_code = $2 AND item_kind = $3 AND item = $4 FOR UPDATE',
      [cycle.id, t.orgCode, item.kind, item.item]);
    if (!rows.length) throw new AppError('not_found', `The panel has not agreed ${item.kind} ${item.item} for ${t.orgCode}.`);
    const before = String(rows[0].level ?? rows[0].rag);
    const after = String(item.level ?? item.rag);
    await c.query('UPDATE assurance_agreed_scores SET level = $5, rag = $6, moderated = true WHERE cycle_id = $1 AND org_code = $2 AND item_kind = $3 AND item = $4',
      [cycle.id, t.orgCode, item.kind, item.item, item.level ?? null, item.rag ?? null]);
    await c.query(`INSERT INTO assurance_moderations (cycle_id, org_code, item_kind, item, before_value, after_value, reason, moderated_by, moderated_at)
                   VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`, [cycle.id, t.orgCode, item.kind, item.item, before, after, reason.trim(), p.userId, now]);
    await recordAudit(c, { actor: p, action: 'assurance.moderate', objectType: 'assurance_agreed_scores', objectId: `${cycle.id}:${t.orgCode}:${item.kind}:${item.item}`,
      orgCode: t.orgCode, before: { value: before }, after: { value: after, reason: reason.trim() } });
    return { before, after };
  });
}
