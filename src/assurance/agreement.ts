// Inter-rater agreement between panel members who have submitted: exact agreement and linear-weighted
// Cohen's kappa on competency levels for each pair (their mean is Light's kappa), and exact agreement on
// governance RAGs. Kappa is undefined when both raters used a single level; it is then reported as null.
import { cohensKappa } from '../stats/scoring.ts';

export interface RaterScores { raterId: string; levels: Record<string, number>; rags: Record<string, string> }

export interface PairAgreement { a: string; b: string; items: number; exactAgreement: number; weightedKappa: number | null }
export interface PanelAgreement { pairs: PairAgreement[]; meanKappa: number | null; levelExactAgreement: number | null; ragExactAgreement: number | null }

export function panelAgreement(raters: RaterScores[]): PanelAgreement {
  const pairs: PairAgreement[] = [];
  let ragSame = 0; let ragAll = 0; let lvlSame = 0; let lvlAll = 0;
  for (let i = 0; i < raters.length; i++) {
    for (let j = i + 1; j < raters.length; j++) {
      const a = raters[i]; const b = raters[j];
      const items = Object.keys(a.levels).filter((k) => b.levels[k] !== undefined);
      const same = items.filter((k) => a.levels[k] === b.levels[k]).length;
      lvlSame += same; lvlAll += items.length;
      let kappa: number | null = null;
      if (items.length) {
        try { kappa = cohensKappa(items.map((k) => [a.levels[k], b.levels[k]]), [1, 2, 3, 4], 'linear').kappa; } catch { kappa = null; }
      }
      const ragItems = Object.keys(a.rags).filter((k) => b.rags[k] !== undefined);
      ragSame += ragItems.filter((k) => a.rags[k] === b.rags[k]).length; ragAll += ragItems.length;
      pairs.push({ a: a.raterId, b: b.raterId, items: items.length, exactAgreement: items.length ? same / items.length : 0, weightedKappa: kappa });
    }
  }
  const ks = pairs.map((p) => p.weightedKappa).filter((k): k is number => k !== null);
  return {
    pairs, meanKappa: ks.length ? ks.reduce((x, y) => x + y, 0) / ks.length : null,
    levelExactAgreement: lvlAll ? lvlSame / lvlAll : null, ragExactAgreement: ragAll ? ragSame / ragAll : null,
  };
}
