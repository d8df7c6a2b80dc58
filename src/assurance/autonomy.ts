// Evaluates an earned-autonomy policy over a set of PCT scorecards: a proposed status per PCT with the
// reasons, and the weakest competencies that support should target. The national administrator confirms.
import type { Level, WccFramework } from './framework.ts';
import { scoredCompetencies } from './framework.ts';
import type { AutonomyPolicy, Condition } from './autonomy-policy.ts';
import type { Scorecard } from './scorecard.ts';
import { meanCompetencyLevel } from './scorecard.ts';
import { wccLeague, type PreviousRanks } from './league.ts';

export interface AutonomyDecision {
  orgCode: string;
  name?: string;
  rank: number;
  status: string;
  statusTitle: string;
  offers: string[];
  reasons: string[];
  developmentFocus: { number: number; title: string; level: Level }[];
}

export interface AutonomyProposal {
  decisions: AutonomyDecision[];          // in league order
  counts: Record<string, number>;
  warnings: string[];
}

interface Subject { card: Scorecard; rank: number; fromBottom: number }

export function proposeAutonomy(f: WccFramework, policy: AutonomyPolicy, cards: Scorecard[],
  previous: PreviousRanks = new Map()): AutonomyProposal {
  if (policy.framework !== f.id) throw new RangeError(`policy ${policy.id} applies to framework "${policy.framework}", not "${f.id}"`);
  const league = wccLeague(f, cards, previous);
  const n = league.length;
  const byOrg = new Map(cards.map((c) => [c.orgCode, c]));
  const subjects: Subject[] = league.map((r) => ({ card: byOrg.get(r.orgCode) as Scorecard, rank: r.rank, fromBottom: n - r.rank + 1 }));
  const assigned = new Map<string, { status: string; reasons: string[] }>();
  const notes = new Map<string, string[]>();
  const warnings: string[] = [];
  const statusTitle = (id: string) => policy.statuses.find((s) => s.id === id)?.title ?? id;

  for (const rule of policy.rules) {
    const qualifying = subjects.filter((s) => !assigned.has(s.card.orgCode))
      .map((s) => ({ s, why: explain(f, rule.when, s) }))
      .filter((x) => x.why.met);
    let chosen = qualifying;
    if (rule.maxCount !== undefined && qualifying.length > rule.maxCount) {
      const ordered = [...qualifying].sort((a, b) => (rule.select === 'bottom' ? b.s.rank - a.s.rank : a.s.rank - b.s.rank)
        || a.s.card.orgCode.localeCompare(b.s.card.orgCode));
      chosen = ordered.slice(0, rule.maxCount);
      const boundary = chosen[chosen.length - 1]?.s.rank;
      const tied = ordered.slice(rule.maxCount).filter((x) => x.s.rank === boundary);
      if (tied.length) {
        warnings.push(`${statusTitle(rule.status)}: PCTs sharing rank ${boundary} straddle the limit of ${rule.maxCount} (${[chosen[chosen.length - 1].s, ...tied.map((t) => t.s)].map((s) => s.card.orgCode).join(', ')}); confirm by hand`);
      }
      for (const x of ordered.slice(rule.maxCount)) {
        const list = notes.get(x.s.card.orgCode) ?? [];
        list.push(`met the conditions for "${statusTitle(rule.status)}" but the limit of ${rule.maxCount} was reached (rank ${x.s.rank})`);
        notes.set(x.s.card.orgCode, list);
      }
    }
    for (const x of chosen) assigned.set(x.s.card.orgCode, { status: rule.status, reasons: [rule.reason, ...x.why.because] });
    if (rule.targetMin !== undefined && chosen.length < rule.targetMin) {
      warnings.push(`${statusTitle(rule.status)}: ${chosen.length} PCTs qualify, fewer than the ${rule.targetMin} the policy aims for`);
    }
  }

  const decisions = subjects.map((s): AutonomyDecision => {
    const a = assigned.get(s.card.orgCode) ?? { status: policy.defaultStatus, reasons: [policy.defaultReason] };
    const status = policy.statuses.find((x) => x.id === a.status);
    return {
      orgCode: s.card.orgCode, name: s.card.name, rank: s.rank, status: a.status, statusTitle: statusTitle(a.status),
      offers: status?.offers ?? [], reasons: [...a.reasons, ...(notes.get(s.card.orgCode) ?? [])],
      developmentFocus: weakest(f, s.card, policy.supportMatching.weakestCompetencies),
    };
  });
  const counts: Record<string, number> = Object.fromEntries(policy.statuses.map((s) => [s.id, 0]));
  for (const d of decisions) counts[d.status] += 1;
  return { decisions, counts, warnings };
}

/** The k lowest-level scored competencies (lower number first among equals), for matching support offers. */
export function weakest(f: WccFramework, card: Scorecard, k: number): { number: number; title: string; level: Level }[] {
  return scoredCompetencies(f).map((c) => ({ number: c.number, title: c.title, level: card.competencyLevels[c.number] }))
    .sort((a, b) => a.level - b.level || a.number - b.number).slice(0, k);
}

function explain(f: WccFramework, c: Condition, s: Subject): { met: boolean; because: string[] } {
  const card = s.card;
  const levels = scoredCompetencies(f).map((x) => card.competencyLevels[x.number]);
  const yes = (met: boolean, text: string) => ({ met, because: met ? [text] : [] });
  if ('always' in c) return { met: true, because: [] };
  if ('governanceOverall' in c) return yes(c.governanceOverall.includes(card.governanceOverall), `governance is rated ${card.governanceOverall} overall`);
  if ('redAreasAtLeast' in c) {
    const red = card.governance.areas.filter((a) => a.rating === 'red').map((a) => a.title.toLowerCase());
    return yes(red.length >= c.redAreasAtLeast, `governance areas rated red: ${red.join(', ')}`);
  }
  if ('minCompetencyLevel' in c) {
    const min = Math.min(...levels);
    return yes(min >= c.minCompetencyLevel, `every competency is at level ${c.minCompetencyLevel} or above (lowest ${min})`);
  }
  if ('competenciesAtOrBelow' in c) {
    const count = levels.filter((l) => l <= c.competenciesAtOrBelow.level).length;
    return yes(count >= c.competenciesAtOrBelow.count, `${count} competencies at level ${c.competenciesAtOrBelow.level} or below`);
  }
  if ('meanCompetencyAtLeast' in c || 'meanCompetencyBelow' in c) {
    const mean = meanCompetencyLevel(f, card);
    const met = 'meanCompetencyAtLeast' in c ? mean >= c.meanCompetencyAtLeast - 1e-9 : mean < c.meanCompetencyBelow - 1e-9;
    return yes(met, `mean competency level ${mean.toFixed(2)}`);
  }
  if ('rankAtMost' in c) return yes(s.rank <= c.rankAtMost, `ranked ${s.rank} in the league table`);
  if ('rankFromBottomAtMost' in c) return yes(s.fromBottom <= c.rankFromBottomAtMost, `ranked ${s.fromBottom} from the bottom of the league table`);
  if ('all' in c) {
    const parts = c.all.map((x) => explain(f, x, s));
    return parts.every((p) => p.met) ? { met: true, because: parts.flatMap((p) => p.because) } : { met: false, because: [] };
  }
  const hit = c.any.map((x) => explain(f, x, s)).find((p) => p.met);
  return hit ?? { met: false, because: [] };
}
