// Panel scoring, as in assurance: each member scores independently and cannot see anyone else's
// scores until they have submitted their own; then the chair (a PCT commissioner) records the agreed
// score for each option and criterion with a rationale.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { can } from '../platform/auth/policy.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { loadRound } from './rounds-service.ts';
import { listCriteria, listOptions } from './rounds-repo.ts';
import * as panel from './panel-repo.ts';
import type { AgreedInput, ScoresInput } from './schemas.ts';

export interface PanelView {
  mine: panel.PanelScore[];
  submitted: boolean;
  /** Everyone's scores: null until you have submitted yours. */
  all: panel.PanelScore[] | null;
  submissions: { scorerId: string; scorerName: string; submittedAt: string }[];
  agreed: panel.AgreedScore[];
  canChair: boolean;
}

export async function panelView(db: Db, principal: Principal | null, roundId: number): Promise<PanelView> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  const subs = await panel.submissions(db, roundId);
  const submitted = subs.some((s) => s.scorerId === p.userId);
  return {
    mine: await panel.listScores(db, roundId, p.userId), submitted,
    all: submitted ? await panel.listScores(db, roundId, null) : null,
    submissions: subs, agreed: await panel.listAgreed(db, roundId),
    canChair: can(p, 'org-data:write', { orgCode: round.orgCode }),
  };
}

async function checkRefs(db: Db, roundId: number, refs: { optionId: number; criterion: string }[]): Promise<void> {
  const [options, criteria] = await Promise.all([listOptions(db, roundId), listCriteria(db, roundId)]);
  const ids = new Set(options.map((o) => o.id)), codes = new Set(criteria.map((c) => c.code));
  const errors = refs.flatMap((r, i) => [
    ...(ids.has(r.optionId) ? [] : [{ path: `body/scores/${i}/optionId`, message: 'no such option in this round' }]),
    ...(codes.has(r.criterion) ? [] : [{ path: `body/scores/${i}/criterion`, message: 'no such criterion in this round' }]),
  ]);
  if (errors.length) throw new AppError('invalid', 'Some scores refer to options or criteria not in the round.', errors);
}

export async function saveMyScores(db: Db, principal: Principal | null, roundId: number, input: ScoresInput): Promise<PanelView> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  if (round.status !== 'scoring') throw new AppError('conflict', 'The round is not open for scoring.');
  if ((await panel.submissions(db, roundId)).some((s) => s.scorerId === p.userId)) throw new AppError('conflict', 'You have submitted your scores; they can no longer change.');
  await checkRefs(db, roundId, input.scores);
  await withTransaction(db, async (c) => {
    await panel.saveScores(c, roundId, p.userId, input.scores);
    await recordAudit(c, { actor: p, action: 'investment.panel-score', objectType: 'investment_round', objectId: String(roundId), orgCode: round.orgCode, after: input.scores });
  });
  return panelView(db, principal, roundId);
}

export async function submitMyScores(db: Db, principal: Principal | null, roundId: number): Promise<PanelView> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  if (round.status !== 'scoring') throw new AppError('conflict', 'The round is not open for scoring.');
  await withTransaction(db, async (c) => {
    await panel.markSubmitted(c, roundId, p.userId);
    await recordAudit(c, { actor: p, action: 'investment.panel-submit', objectType: 'investment_round', objectId: String(roundId), orgCode: round.orgCode });
  });
  return panelView(db, principal, roundId);
}

export async function agreeScores(db: Db, principal: Principal | null, roundId: number, input: AgreedInput): Promise<PanelView> {
  const { round, principal: p } = await loadRound(db, principal, roundId);
  if (!can(p, 'org-data:write', { orgCode: round.orgCode })) throw new AppError('forbidden', 'Only the chair (a PCT commissioner) records agreed scores.');
  if (round.status !== 'scoring' && round.status !== 'agreed') throw new AppError('conflict', 'Scores are agreed after scoring has started.');
  await checkRefs(db, roundId, input.scores);
  await withTransaction(db, async (c) => {
    const before = await panel.listAgreed(c, roundId);
    await panel.saveAgreed(c, roundId, p.userId, input.scores);
    await recordAudit(c, { actor: p, action: 'investment.panel-agree', objectType: 'investment_round', objectId: String(roundId), orgCode: round.orgCode, before, after: input.scores });
  });
  return panelView(db, principal, roundId);
}
