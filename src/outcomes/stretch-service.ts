// Stretch-target proposals for one PCT and indicator in a cycle (STATISTICS.md section 16): the best
// quartile, best decile and best observed values nationally (all PCTs) and among its statistical peers
// at the baseline, the annual change each implies over the trajectory, and how that change compares with
// the best yearly improvement comparable areas actually achieved over the five years to the baseline.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { bestAnnualImprovement, proposeStretchTargets, type StretchProposal } from '../stats/targets.ts';
import { indicatorSeries, loadCatalogueEntries } from './profile-repo.ts';
import { peerGroup } from './peers-service.ts';
import { periodYear, statsPolarity, type CatalogueEntry } from './model-types.ts';
import type { CycleConfig } from './selection-model.ts';

export const HISTORY_YEARS = 5;

export interface ComparatorProposals {
  group: 'national' | 'peers'; label: string; areas: number; bestAnnualImprovement: number | null; proposals: StretchProposal[];
}
export interface StretchView {
  indicator: CatalogueEntry; orgCode: string; baselinePeriod: string; baselineValue: number; years: number;
  groups: ComparatorProposals[];
}

export async function stretchProposals(db: Db, orgCode: string, indicatorId: string, cycle: CycleConfig): Promise<StretchView> {
  const indicator = (await loadCatalogueEntries(db)).find((e) => e.id === indicatorId);
  if (!indicator) throw new AppError('not_found', `No indicator ${indicatorId}.`);
  if (indicator.polarity === 'no-judgement') throw new AppError('invalid', `${indicator.title} has no polarity, so it cannot carry a stretch target.`);
  const polarity = statsPolarity(indicator.polarity) as 'high-is-good' | 'low-is-good';
  const base = periodYear(cycle.baselinePeriod);
  const series = (await indicatorSeries(db, indicatorId, null, 'pct'))
    .filter((v) => v.value !== null && periodYear(v.period) <= base && periodYear(v.period) > base - HISTORY_YEARS);
  const byArea = new Map<string, { year: number; value: number }[]>();
  for (const v of series) {
    const list = byArea.get(v.areaCode) ?? [];
    list.push({ year: periodYear(v.period), value: v.value! });
    byArea.set(v.areaCode, list);
  }
  const own = byArea.get(orgCode)?.find((p) => p.year === base);
  if (!own) throw new AppError('invalid', `${orgCode} has no value of ${indicator.title} in the baseline period ${cycle.baselinePeriod}.`);
  const peers = await peerGroup(db, orgCode, cycle.baselinePeriod);
  const groupOf = (codes: string[], group: 'national' | 'peers', label: string): ComparatorProposals | null => {
    const baselineValues = codes.map((c) => byArea.get(c)?.find((p) => p.year === base)?.value).filter((v): v is number => v !== undefined);
    if (baselineValues.length < 2) return null;
    const histories = codes.map((c) => (byArea.get(c) ?? []).sort((a, b) => a.year - b.year).map((p) => p.value));
    return {
      group, label, areas: baselineValues.length, bestAnnualImprovement: bestAnnualImprovement(histories, polarity),
      proposals: proposeStretchTargets({ baseline: own.value, comparatorValues: baselineValues, polarity, years: cycle.trajectoryYears, comparatorHistories: histories }),
    };
  };
  const groups = [
    groupOf([...byArea.keys()], 'national', 'All PCTs in England'),
    groupOf(peers.peers.map((p) => p.code), 'peers', `${peers.peers.length} statistical peers`),
  ].filter((g): g is ComparatorProposals => g !== null);
  return { indicator, orgCode, baselinePeriod: cycle.baselinePeriod, baselineValue: own.value, years: cycle.trajectoryYears, groups };
}

/** Whether a proposed target is an improvement on the baseline (a PCT already beyond it gains nothing). */
export function improves(view: StretchView, target: number): boolean {
  return view.indicator.polarity === 'higher-is-better' ? target > view.baselineValue : target < view.baselineValue;
}

/** The target a basis names ('best-quartile' nationally, 'peer-best-decile' among peers …). */
export function targetOfBasis(view: StretchView, basis: string): number | null {
  const peer = basis.startsWith('peer-');
  const g = view.groups.find((x) => x.group === (peer ? 'peers' : 'national'));
  return g?.proposals.find((p) => p.basis === basis.replace(/^peer-/, ''))?.target ?? null;
}
