// Evaluation: the panel, conflicts of interest declared before scoring, independent scores (nobody sees
// another evaluator's scores before submitting their own), moderation with a rationale for every agreed
// score, ranking by formula, the preferred bidder and the standstill period.
import { withTransaction, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { recordAudit } from '../platform/audit.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { loadCompetition, requirePctWriter, requireSomeRole, requireStatus, viewerOf } from './access.ts';
import { rankBids, standstillEnds, type RankedBid } from './evaluation.ts';

export async function appointEvaluators(db: Db, p: Principal, id: string, emails: string[]): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'approved', 'tendering', 'bids_opened');
    const { rows } = await client.query('SELECT id, email FROM users WHERE email = ANY($1::text[]) AND NOT disabled', [emails.map((e) => e.toLowerCase())]);
    const missing = emails.filter((e) => !rows.some((r) => r.email === e.toLowerCase()));
    if (missing.length) throw new AppError('invalid', `No user has the email ${missing.join(', ')}.`, [{ path: 'emails', message: 'must be users of the platform' }]);
    for (const r of rows) await client.query('INSERT INTO procurement_evaluators (competition_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [id, r.id]);
    await recordAudit(client, { actor: p, action: 'procurement.evaluators.appoint', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { emails } });
  });
}

export async function declareInterests(db: Db, p: Principal, id: string, conflicts: string[], note: string): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.evaluator) throw new AppError('forbidden', 'Only an evaluator on this panel declares interests here.');
    if (v.evaluator.submittedAt) throw new AppError('conflict', 'Your scores are submitted; the declaration can no longer change.');
    await client.query('UPDATE procurement_evaluators SET declared_at = now(), conflicts = $3, conflict_note = $4 WHERE competition_id = $1 AND user_id = $2', [id, p.userId, conflicts, note]);
    await recordAudit(client, { actor: p, action: 'procurement.evaluator.declare', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { conflicts, note } });
  });
}

export interface ScoreInput { supplierId: string; criterion: string; score: number; comment: string }

/** Saves and submits an evaluator's scores: every bid they are not conflicted with, on every criterion. */
export async function submitScores(db: Db, p: Principal, id: string, scores: ScoreInput[]): Promise<void> {
  await withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    const v = await viewerOf(client, p, c);
    requireSomeRole(v);
    if (!v.evaluator) throw new AppError('forbidden', 'Only an evaluator on this panel scores bids.');
    if (!v.evaluator.declaredAt) throw new AppError('forbidden', 'Declare any conflicts of interest before scoring.');
    if (v.evaluator.submittedAt) throw new AppError('conflict', 'You have already submitted your scores.');
    requireStatus(c, 'bids_opened');
    const bidders = (await client.query('SELECT supplier_id FROM procurement_bids WHERE competition_id = $1', [id])).rows.map((r) => r.supplier_id as string);
    const toScore = bidders.filter((s) => !v.evaluator!.conflicts.includes(s));
    const keys = (c.criteria ?? []).map((k) => k.key);
    const expected = new Set(toScore.flatMap((s) => keys.map((k) => `${s}|${k}`)));
    const given = new Set(scores.map((s) => `${s.supplierId}|${s.criterion}`));
    const extra = [...given].filter((g) => !expected.has(g));
    const missing = [...expected].filter((e) => !given.has(e));
    if (extra.length || missing.length || given.size !== scores.length) {
      throw new AppError('invalid', `Score every bid you are not conflicted with on every criterion, once.${missing.length ? ` Missing: ${missing.join(', ')}.` : ''}${extra.length ? ` Not expected: ${extra.join(', ')}.` : ''}`);
    }
    for (const s of scores) {
      await client.query('INSERT INTO procurement_scores (competition_id, user_id, supplier_id, criterion, score, comment) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, p.userId, s.supplierId, s.criterion, s.score, s.comment]);
    }
    await client.query('UPDATE procurement_evaluators SET submitted_at = now() WHERE competition_id = $1 AND user_id = $2', [id, p.userId]);
    await recordAudit(client, { actor: p, action: 'procurement.scores.submit', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { scores } });
  });
}

export interface PanelView {
  evaluators: { name: string; declared: boolean; conflicts: string[] | null; submitted: boolean }[];
  /** Individual scores: hidden from an evaluator until they submit, and from the PCT until all have. */
  scores: { evaluator: string; supplierId: string; criterion: string; score: number; comment: string }[] | null;
  moderated: { supplierId: string; criterion: string; score: number; rationale: string }[];
  ranking: RankedBid[] | null;
}

export async function panelView(db: Db, p: Principal | null, id: string): Promise<PanelView> {
  const c = await loadCompetition(db, id);
  const v = await viewerOf(db, p, c);
  requireSomeRole(v);
  if (!v.pct && !v.evaluator) throw new AppError('forbidden', 'Only the PCT and its evaluators see the evaluation.');
  const ev = (await db.query(
    `SELECT u.display_name, e.declared_at, e.conflicts, e.submitted_at FROM procurement_evaluators e JOIN users u ON u.id = e.user_id
      WHERE e.competition_id = $1 ORDER BY u.display_name`, [id])).rows;
  const allSubmitted = ev.length > 0 && ev.every((e) => e.submitted_at);
  const maySeeScores = v.evaluator ? v.evaluator.submittedAt !== null : allSubmitted;
  const scores = maySeeScores ? (await db.query(
    `SELECT u.display_name, s.supplier_id, s.criterion, s.score, s.comment FROM procurement_scores s JOIN users u ON u.id = s.user_id
      WHERE s.competition_id = $1 ORDER BY s.supplier_id, s.criterion, u.display_name`, [id])).rows
    .map((r) => ({ evaluator: r.display_name, supplierId: r.supplier_id, criterion: r.criterion, score: r.score, comment: r.comment })) : null;
  const moderated = (await db.query(
    'SELECT supplier_id, criterion, score, rationale FROM procurement_moderated_scores WHERE competition_id = $1 ORDER BY supplier_id, criterion', [id])).rows
    .map((r) => ({ supplierId: r.supplier_id, criterion: r.criterion, score: r.score, rationale: r.rationale }));
  return {
    evaluators: ev.map((e) => ({ name: e.display_name, declared: e.declared_at !== null, conflicts: v.pct ? e.conflicts : null, submitted: e.submitted_at !== null })),
    scores, moderated,
    ranking: ['moderated', 'standstill', 'awarded'].includes(c.status) ? await ranking(db, id) : null,
  };
}

async function ranking(db: Pick<Db, 'query'>, id: string): Promise<RankedBid[]> {
  const c = (await db.query('SELECT quality_weight, criteria FROM procurement_competitions WHERE id = $1', [id])).rows[0];
  const prices = (await db.query('SELECT supplier_id, price_pounds FROM procurement_opened_prices WHERE competition_id = $1', [id])).rows;
  const mod = (await db.query('SELECT supplier_id, criterion, score FROM procurement_moderated_scores WHERE competition_id = $1', [id])).rows;
  return rankBids(c.quality_weight, c.criteria, prices.map((pr) => ({
    supplierId: pr.supplier_id, price: Number(pr.price_pounds),
    scores: Object.fromEntries(mod.filter((m) => m.supplier_id === pr.supplier_id).map((m) => [m.criterion, m.score])),
  })));
}

export interface ModeratedInput { supplierId: string; criterion: string; score: number; rationale: string }

/** Moderation: once every evaluator has submitted, the PCT records the agreed score and why, for every bid. */
export async function moderate(db: Db, p: Principal, id: string, agreed: ModeratedInput[]): Promise<RankedBid[]> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'bids_opened');
    const ev = (await client.query('SELECT submitted_at FROM procurement_evaluators WHERE competition_id = $1', [id])).rows;
    if (ev.length < 2 || ev.some((e) => !e.submitted_at)) throw new AppError('conflict', 'Moderation needs at least two evaluators, all with scores submitted.');
    const bidders = (await client.query('SELECT supplier_id FROM procurement_bids WHERE competition_id = $1', [id])).rows.map((r) => r.supplier_id as string);
    const expected = new Set(bidders.flatMap((s) => (c.criteria ?? []).map((k) => `${s}|${k.key}`)));
    const given = new Set(agreed.map((a) => `${a.supplierId}|${a.criterion}`));
    if (given.size !== agreed.length || given.size !== expected.size || [...given].some((g) => !expected.has(g))) {
      throw new AppError('invalid', 'Record one agreed score with a rationale for every bid on every criterion.');
    }
    for (const a of agreed) {
      await client.query(`INSERT INTO procurement_moderated_scores (competition_id, supplier_id, criterion, score, rationale, moderated_by)
        VALUES ($1, $2, $3, $4, $5, $6)`, [id, a.supplierId, a.criterion, a.score, a.rationale, p.userId]);
    }
    await client.query(`UPDATE procurement_competitions SET status = 'moderated' WHERE id = $1`, [id]);
    const ranked = await ranking(client, id);
    await recordAudit(client, { actor: p, action: 'procurement.moderation.record', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { agreed, ranking: ranked } });
    return ranked;
  });
}

/** Names the top-ranked bidder preferred and starts the 10-day standstill. */
export async function namePreferredBidder(db: Db, p: Principal, id: string, now = new Date()): Promise<{ supplierId: string; standstillEndsAt: string }> {
  return withTransaction(db, async (client) => {
    const c = await loadCompetition(client, id, true);
    requirePctWriter(await viewerOf(client, p, c));
    requireStatus(c, 'moderated');
    const top = (await ranking(client, id))[0];
    if (!top) throw new AppError('conflict', 'There are no bids to prefer.');
    const ends = standstillEnds(now);
    await client.query(`UPDATE procurement_competitions SET status = 'standstill', preferred_supplier_id = $2, standstill_ends_at = $3 WHERE id = $1`, [id, top.supplierId, ends]);
    await recordAudit(client, { actor: p, action: 'procurement.preferred_bidder.name', objectType: 'procurement_competition', objectId: id, orgCode: c.pct_code, after: { supplierId: top.supplierId, standstillEndsAt: ends } });
    return { supplierId: top.supplierId, standstillEndsAt: ends.toISOString() };
  });
}
