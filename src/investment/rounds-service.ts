// Prioritisation rounds: the PCT enters options, agrees criteria and swing weights, and reads the
// round back with each option's cost per QALY and weighted value. Every change is audited.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { readableScope, requirePrincipal, type Principal } from '../platform/auth/policy.ts';
import { getOrganisation } from '../orgs/index.ts';
import { requireRead, requireWrite } from './access.ts';
import { loadProgrammeCategories } from './programmes.ts';
import { costPerQaly, swingWeights, weightedValue, type CostEffectiveness } from './appraisal.ts';
import * as repo from './rounds-repo.ts';
import { listAgreed } from './panel-repo.ts';
import type { CriteriaInput, OptionInput, RoundInput, RoundUpdate } from './schemas.ts';

export async function loadRound(db: Db, principal: Principal | null, id: number): Promise<{ round: repo.Round; principal: Principal }> {
  const round = await repo.getRound(db, id);
  if (!round) throw new AppError('not_found', 'There is no such investment round.');
  return { round, principal: await requireRead(db, principal, round.orgCode) };
}

export async function loadRoundForWrite(db: Db, principal: Principal | null, id: number): Promise<{ round: repo.Round; principal: Principal }> {
  const { round } = await loadRound(db, principal, id);
  return { round, principal: await requireWrite(db, principal, round.orgCode) };
}

export async function createRound(db: Db, principal: Principal | null, input: RoundInput): Promise<repo.Round> {
  const orgCode = input.orgCode.toUpperCase();
  const org = await getOrganisation(db, orgCode);
  if (!org || org.type !== 'pct') throw new AppError('invalid', `${orgCode} is not a PCT.`, [{ path: 'body/orgCode', message: 'must be a PCT code' }]);
  const actor = await requireWrite(db, principal, orgCode);
  checkThresholds(input.thresholdLow ?? 20000, input.thresholdHigh ?? 30000);
  return withTransaction(db, async (c) => {
    const round = await repo.insertRound(c, { ...input, orgCode }, actor.userId);
    await recordAudit(c, { actor, action: 'investment.round-create', objectType: 'investment_round', objectId: String(round.id), orgCode, after: round });
    return round;
  });
}

function checkThresholds(low: number, high: number): void {
  if (low > high) throw new AppError('invalid', 'The lower threshold must not exceed the upper one.', [{ path: 'body/thresholdLow', message: 'must be ≤ thresholdHigh' }]);
}

export async function listRounds(db: Db, principal: Principal | null, orgCode: string | null): Promise<repo.Round[]> {
  const p = requirePrincipal(principal);
  return repo.listRounds(db, readableScope(p), orgCode?.toUpperCase() ?? null);
}

export async function updateRound(db: Db, principal: Principal | null, id: number, u: RoundUpdate): Promise<repo.Round> {
  const { round, principal: actor } = await loadRoundForWrite(db, principal, id);
  checkThresholds(u.thresholdLow ?? round.thresholdLow, u.thresholdHigh ?? round.thresholdHigh);
  if (u.status === 'scoring' && !(await repo.listCriteria(db, id)).length) throw new AppError('conflict', 'Agree the criteria and weights before scoring starts.');
  return withTransaction(db, async (c) => {
    const after = await repo.updateRound(c, id, u);
    await recordAudit(c, { actor, action: 'investment.round-update', objectType: 'investment_round', objectId: String(id), orgCode: round.orgCode, before: round, after });
    return after;
  });
}

export async function setCriteria(db: Db, principal: Principal | null, id: number, input: CriteriaInput): Promise<repo.CriterionRow[]> {
  const { round, principal: actor } = await loadRoundForWrite(db, principal, id);
  const codes = input.criteria.map((c) => c.code);
  if (new Set(codes).size !== codes.length) throw new AppError('invalid', 'Criterion codes must be different.');
  if (!input.criteria.some((c) => c.swingPoints === 100)) throw new AppError('invalid', 'Swing weighting gives the most important swing 100 points.', [{ path: 'body/criteria', message: 'one criterion needs 100 points' }]);
  return withTransaction(db, async (c) => {
    const before = await repo.listCriteria(c, id);
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM investment_agreed_scores WHERE round_id = $1`, [id]);
    if (rows[0].n > 0 && before.map((b) => b.code).join() !== codes.join()) throw new AppError('conflict', 'Scores have been agreed; the criteria can be re-weighted but not changed.');
    await repo.replaceCriteria(c, id, input.criteria);
    const after = await repo.listCriteria(c, id);
    await recordAudit(c, { actor, action: 'investment.criteria-set', objectType: 'investment_round', objectId: String(id), orgCode: round.orgCode, before, after });
    return after;
  });
}

export async function saveOption(db: Db, principal: Principal | null, roundId: number, o: OptionInput): Promise<repo.OptionRow> {
  const { round, principal: actor } = await loadRoundForWrite(db, principal, roundId);
  if (round.status === 'decided') throw new AppError('conflict', 'The round is decided; its options can no longer change.');
  const errors: { path: string; message: string }[] = [];
  if (!loadProgrammeCategories().some((c) => c.code === o.programme)) errors.push({ path: 'body/programme', message: `no programme budgeting category "${o.programme}"` });
  if (!(o.qalyLow <= o.qalyLikely && o.qalyLikely <= o.qalyHigh)) errors.push({ path: 'body/qalyLikely', message: 'needs low ≤ likely ≤ high' });
  if ([...(o.requires ?? []), ...(o.excludes ?? [])].includes(o.code)) errors.push({ path: 'body/requires', message: 'an option cannot require or exclude itself' });
  if (errors.length) throw new AppError('invalid', 'The option is not valid.', errors);
  return withTransaction(db, async (c) => {
    const before = (await repo.listOptions(c, roundId)).find((x) => x.code === o.code);
    const after = await repo.upsertOption(c, roundId, o);
    await recordAudit(c, { actor, action: before ? 'investment.option-update' : 'investment.option-create', objectType: 'investment_option', objectId: String(after.id), orgCode: round.orgCode, before, after });
    return after;
  });
}

export async function removeOption(db: Db, principal: Principal | null, optionId: number): Promise<void> {
  const option = await repo.getOption(db, optionId);
  if (!option) throw new AppError('not_found', 'There is no such option.');
  const { round, principal: actor } = await loadRoundForWrite(db, principal, option.roundId);
  await withTransaction(db, async (c) => {
    await repo.deleteOption(c, optionId);
    await recordAudit(c, { actor, action: 'investment.option-delete', objectType: 'investment_option', objectId: String(optionId), orgCode: round.orgCode, before: option });
  });
}

export interface OptionView extends repo.OptionRow {
  totalCost: number; costPerQaly: number | null; costEffectiveness: CostEffectiveness; worthDoing: boolean; weightedValue: number | null;
}

export interface RoundDetail { round: repo.Round; criteria: (repo.CriterionRow & { weight: number })[]; options: OptionView[] }

export async function roundDetail(db: Db, principal: Principal | null, id: number): Promise<RoundDetail> {
  const { round } = await loadRound(db, principal, id);
  return describeRound(db, round);
}

/** The round with weights, cost per QALY and weighted values (no access check: callers have done it). */
export async function describeRound(db: Db, round: repo.Round): Promise<RoundDetail> {
  const [criteria, options, agreed] = await Promise.all([repo.listCriteria(db, round.id), repo.listOptions(db, round.id), listAgreed(db, round.id)]);
  const weights = criteria.length && criteria.some((c) => c.swingPoints > 0) ? swingWeights(criteria) : new Map<string, number>();
  return {
    round,
    criteria: criteria.map((c) => ({ ...c, weight: weights.get(c.code) ?? 0 })),
    options: options.map((o) => {
      const totalCost = [...o.recurringCosts, ...o.nonRecurringCosts].reduce((a, b) => a + b, 0);
      const ce = costPerQaly(totalCost, o.qalyLikely, round.thresholdLow, round.thresholdHigh);
      const scores = new Map(agreed.filter((a) => a.optionId === o.id).map((a) => [a.criterion, a.score]));
      return { ...o, totalCost, costPerQaly: ce.ratio, costEffectiveness: ce.band, worthDoing: ce.worthDoing, weightedValue: weights.size ? weightedValue(weights, scores) : null };
    }),
  };
}
