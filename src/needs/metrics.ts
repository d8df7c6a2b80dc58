// Performance of a risk score against observed outcomes: AUROC with a Hanley–McNeil 95% interval,
// calibration by decile of predicted risk, and PPV and sensitivity among the highest-scored 0.5%, 1%
// and 5%. Pure functions over arrays; ties share ranks (AUROC) and are broken by row order (top k%).

export interface Auroc { value: number; lower95: number; upper95: number; positives: number; negatives: number }
export interface CalibrationBin { decile: number; people: number; meanPredicted: number; observedRate: number; events: number }
export interface TopShare { topPercent: number; people: number; events: number; ppv: number; sensitivity: number; threshold: number }

/** Row order by score, highest first; ties keep row order (stable). */
export function orderByScore(score: ArrayLike<number>): Uint32Array {
  const idx = new Uint32Array(score.length);
  for (let i = 0; i < idx.length; i++) idx[i] = i;
  return idx.sort((a, b) => (score[b]! - score[a]!) || (a - b));
}

export function auroc(score: ArrayLike<number>, y: ArrayLike<number>, order?: Uint32Array): Auroc {
  const n = score.length;
  const idx = order ?? orderByScore(score);
  // Walk from the lowest score up, giving tied scores their mean rank.
  let rankSumPos = 0;
  let pos = 0;
  let i = n - 1;
  let rank = 1;
  while (i >= 0) {
    let j = i;
    while (j - 1 >= 0 && score[idx[j - 1]!] === score[idx[i]!]) j--;
    const count = i - j + 1;
    const meanRank = rank + (count - 1) / 2;
    for (let k = j; k <= i; k++) if (y[idx[k]!]) { rankSumPos += meanRank; pos++; }
    rank += count;
    i = j - 1;
  }
  const neg = n - pos;
  if (pos === 0 || neg === 0) return { value: NaN, lower95: NaN, upper95: NaN, positives: pos, negatives: neg };
  const a = (rankSumPos - (pos * (pos + 1)) / 2) / (pos * neg);
  const q1 = a / (2 - a);
  const q2 = (2 * a * a) / (1 + a);
  const se = Math.sqrt((a * (1 - a) + (pos - 1) * (q1 - a * a) + (neg - 1) * (q2 - a * a)) / (pos * neg));
  return { value: a, lower95: Math.max(0, a - 1.959964 * se), upper95: Math.min(1, a + 1.959964 * se), positives: pos, negatives: neg };
}

export function calibration(pred: ArrayLike<number>, y: ArrayLike<number>, bins = 10, order?: Uint32Array): CalibrationBin[] {
  const n = pred.length;
  const idx = order ?? orderByScore(pred);
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    // decile 1 = lowest predicted risk
    const from = Math.floor(((bins - 1 - b) * n) / bins);
    const to = Math.floor(((bins - b) * n) / bins);
    let sp = 0, sy = 0;
    for (let k = from; k < to; k++) { sp += pred[idx[k]!]!; sy += y[idx[k]!]!; }
    const m = to - from;
    out.push({ decile: b + 1, people: m, meanPredicted: m ? sp / m : 0, observedRate: m ? sy / m : 0, events: sy });
  }
  return out;
}

export function topShares(score: ArrayLike<number>, y: ArrayLike<number>, percents = [0.5, 1, 5], order?: Uint32Array): TopShare[] {
  const n = score.length;
  const idx = order ?? orderByScore(score);
  let total = 0;
  for (let i = 0; i < n; i++) total += y[i]!;
  return percents.map((p) => {
    const k = Math.max(1, Math.ceil((n * p) / 100));
    let ev = 0;
    for (let i = 0; i < k && i < n; i++) ev += y[idx[i]!]!;
    return { topPercent: p, people: k, events: ev, ppv: ev / k, sensitivity: total ? ev / total : 0, threshold: score[idx[Math.min(k, n) - 1]!]! };
  });
}
