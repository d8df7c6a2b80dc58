// National calibration across SHAs. Distributions of agreed panel levels by SHA and competency, and a
// leniency check that takes outcomes into account: across all PCTs nationally, the mean agreed level is
// regressed (ordinary least squares) on the PCT's mean self-assessed level and its outcome index; each PCT's
// residual is what its panel gave beyond what self-assessment and outcomes predict. An SHA's leniency is the
// mean residual of its PCTs, z = mean / (residual SD / √n). |z| ≥ 2 flags the SHA: lenient when positive,
// harsh when negative. With too few PCTs to fit the model, the national mean stands in for the prediction.
export interface CalibrationInput { shaCode: string; orgCode: string; panelLevels: Record<string, number>; selfMean: number | null; outcomeIndex: number | null }

export interface Distribution { shaCode: string; competency: string; counts: [number, number, number, number]; mean: number; n: number }
export interface ShaLeniency { shaCode: string; pcts: number; meanPanel: number; meanExpected: number; meanResidual: number; z: number | null; flag: 'lenient' | 'harsh' | null }
export interface Calibration { distributions: Distribution[]; shas: ShaLeniency[]; model: { terms: string[]; coefficients: number[]; residualSd: number; n: number }; threshold: number }

export const Z_THRESHOLD = 2;

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Least squares by the normal equations (small designs: at most three columns). */
export function ols(x: number[][], y: number[]): number[] | null {
  const k = x[0]?.length ?? 0;
  const a = Array.from({ length: k }, (_, i) => Array.from({ length: k + 1 }, (_, j) =>
    j < k ? x.reduce((s, r) => s + r[i] * r[j], 0) : x.reduce((s, r, n) => s + r[i] * y[n], 0)));
  for (let c = 0; c < k; c++) {
    const piv = a.slice(c).reduce((best, r, i) => (Math.abs(r[c]) > Math.abs(a[best][c]) ? c + i : best), c);
    if (Math.abs(a[piv][c]) < 1e-9) return null;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const m = a[r][c] / a[c][c];
      for (let j = c; j <= k; j++) a[r][j] -= m * a[c][j];
    }
  }
  return a.map((r, i) => r[k] / r[i]);
}

export function calibrate(rows: CalibrationInput[], threshold = Z_THRESHOLD): Calibration {
  const distributions: Distribution[] = [];
  const keys = new Map<string, number[]>();
  for (const r of rows) for (const [comp, level] of Object.entries(r.panelLevels)) {
    const k = `${r.shaCode}|${comp}`;
    keys.set(k, [...(keys.get(k) ?? []), level]);
  }
  for (const [k, levels] of [...keys].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))) {
    const [shaCode, competency] = k.split('|');
    const counts = [1, 2, 3, 4].map((l) => levels.filter((x) => x === l).length) as [number, number, number, number];
    distributions.push({ shaCode, competency, counts, mean: mean(levels), n: levels.length });
  }
  const pcts = rows.filter((r) => Object.keys(r.panelLevels).length > 0)
    .map((r) => ({ ...r, panel: mean(Object.values(r.panelLevels)) }));
  const useSelf = pcts.every((p) => p.selfMean !== null);
  const useOutcome = pcts.every((p) => p.outcomeIndex !== null) && new Set(pcts.map((p) => p.outcomeIndex)).size > 1;
  const terms = ['intercept', ...(useSelf ? ['selfMean'] : []), ...(useOutcome ? ['outcomeIndex'] : [])];
  const design = pcts.map((p) => [1, ...(useSelf ? [p.selfMean as number] : []), ...(useOutcome ? [p.outcomeIndex as number] : [])]);
  let coefficients = pcts.length > terms.length + 1 ? ols(design, pcts.map((p) => p.panel)) : null;
  let usedTerms = terms;
  if (!coefficients) { coefficients = pcts.length ? [mean(pcts.map((p) => p.panel))] : [0]; usedTerms = ['intercept']; }
  const predict = (row: number[]) => coefficients!.reduce((s, c, i) => s + c * row[i], 0);
  const expected = pcts.map((_, i) => predict(design[i].slice(0, usedTerms.length)));
  const residuals = pcts.map((p, i) => p.panel - expected[i]);
  const dof = Math.max(1, pcts.length - usedTerms.length);
  const residualSd = Math.sqrt(residuals.reduce((s, r) => s + r * r, 0) / dof);
  const shaCodes = [...new Set(pcts.map((p) => p.shaCode))].sort();
  const shas = shaCodes.map((shaCode): ShaLeniency => {
    const idx = pcts.map((p, i) => (p.shaCode === shaCode ? i : -1)).filter((i) => i >= 0);
    const meanResidual = mean(idx.map((i) => residuals[i]));
    const z = residualSd > 0 ? meanResidual / (residualSd / Math.sqrt(idx.length)) : null;
    return { shaCode, pcts: idx.length, meanPanel: mean(idx.map((i) => pcts[i].panel)), meanExpected: mean(idx.map((i) => expected[i])), meanResidual, z,
      flag: z === null || Math.abs(z) < threshold ? null : z > 0 ? 'lenient' : 'harsh' };
  });
  return { distributions, shas, model: { terms: usedTerms, coefficients, residualSd, n: pcts.length }, threshold };
}
