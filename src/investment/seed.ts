// Demo data for Barking & Dagenham PCT (5C2) and its London peers: programme spend and population for
// 2008-09, outcome values for spend-against-outcome, a prioritisation round with 13 options, criteria
// and agreed scores, an optimisation and Monte Carlo run, and a five-year plan. Idempotent: does
// nothing when the demo round exists. Illustrative, deterministic figures (seeded), not real data.
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { SeededRandom } from '../stats/rng.ts';
import { loadNeedsWeights, loadProgrammeCategories } from './programmes.ts';
import { upsertOutcomes, upsertPopulation, upsertSpend } from './spend-repo.ts';
import { insertRound, replaceCriteria, upsertOption, listOptions } from './rounds-repo.ts';
import { saveAgreed } from './panel-repo.ts';
import { insertRun, upsertPlan } from './plans-repo.ts';
import { describeRound } from './rounds-service.ts';
import { problemOf } from './optimise-service.ts';
import { loadSolver } from './optimiser/highs.ts';
import { solvePortfolio } from './optimiser/solve.ts';
import { runMonteCarlo } from './optimiser/monte-carlo.ts';
import { demoCriteria, demoOptions } from './seed-options.ts';
import type { PopulationRow, SpendRow } from './csv-rows.ts';

export const DEMO_ROUND_TITLE = 'Commissioning investment round 2009-10 to 2013-14';
const YEAR = '2008-09';
// England spend per head by programme in £ (2008-09 order of magnitude), before local variation.
const perHead: Record<string, number> = { 1: 30, 2: 100, 3: 25, 4: 45, 5: 210, 6: 55, 7: 80, 8: 35, 9: 8, 10: 145, 11: 80, 12: 55, 13: 90, 14: 35, 15: 85, 16: 75, 17: 75, 18: 70, 19: 20, 20: 12, 21: 35, 22: 15, 23: 300 };
const ageShare: Record<string, number> = { '0-4': 0.065, '5-14': 0.12, '15-24': 0.13, '25-34': 0.14, '35-44': 0.15, '45-54': 0.13, '55-64': 0.11, '65-74': 0.08, '75-84': 0.055, '85+': 0.02 };

function seedOf(code: string): number {
  let h = 2166136261;
  for (const ch of code) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export function demoPeerData(codes: string[]): { spend: SpendRow[]; population: PopulationRow[]; cvd: Map<string, number> } {
  const weights = new Map(loadNeedsWeights().map((w) => [w.ageBand, w]));
  const spend: SpendRow[] = [], population: PopulationRow[] = [];
  const cvd = new Map<string, number>();
  for (const code of codes) {
    const rng = new SeededRandom(seedOf(code));
    const total = code === '5C2' ? 168_000 : 160_000 + Math.round(rng.uniform() * 180_000);
    const young = code === '5C2' ? 1.12 : 0.9 + rng.uniform() * 0.25;
    let weighted = 0;
    for (const [band, share] of Object.entries(ageShare)) {
      const tilt = ['0-4', '5-14', '15-24', '25-34'].includes(band) ? young : 2 - young;
      for (const sex of ['male', 'female'] as const) {
        const n = Math.round((total * share * tilt) / 2);
        population.push({ orgCode: code, year: YEAR, ageBand: band, sex, population: n });
        weighted += n * weights.get(band)![sex];
      }
    }
    const need = weighted / total;
    for (const [programme, ph] of Object.entries(perHead)) {
      const local = code === '5C2' && programme === '10' ? 0.86 : 0.85 + rng.uniform() * 0.3;
      spend.push({ orgCode: code, year: YEAR, programme, spend: Math.round(ph * total * need * local / 1000) * 1000 });
    }
    cvd.set(code, code === '5C2' ? 112.4 : Math.round((70 + rng.uniform() * 40) * 10) / 10);
  }
  return { spend, population, cvd };
}

const scoreOf = (o: (typeof demoOptions)[number], criterion: string): number => {
  switch (criterion) {
    case 'health-gain': return Math.max(0, Math.min(10, Math.round(o.qalyLikely / 12)));
    case 'inequalities': return o.inequalities === 'narrows' ? 8 : o.inequalities === 'widens' ? 2 : 5;
    case 'strategic-fit': return (o.strategicFit ?? 3) * 2;
    case 'deliverability': return o.risk === 'low' ? 8 : o.risk === 'high' ? 3 : 6;
    default: return (o.evidence?.length ?? 0) > 0 ? 7 : 3;
  }
};

/** Seeds the demo; returns false when it is already there or 5C2 is missing. */
export async function seedInvestmentDemo(db: Db): Promise<boolean> {
  const exists = await db.query(`SELECT 1 FROM investment_rounds WHERE org_code = '5C2' AND title = $1`, [DEMO_ROUND_TITLE]);
  if (exists.rows.length) return false;
  const { rows: peers } = await db.query(`SELECT child_code FROM organisation_hierarchy h JOIN organisations o ON o.code = h.child_code WHERE h.parent_code = 'Q36' AND o.type = 'pct' ORDER BY 1`);
  const codes = [...new Set(peers.map((r) => r.child_code as string))];
  if (!codes.includes('5C2')) return false;
  const data = demoPeerData(codes);
  const programmes = new Set(loadProgrammeCategories().map((c) => c.code));
  const roundId = await withTransaction(db, async (c) => {
    await upsertSpend(c, data.spend.filter((s) => programmes.has(s.programme)), 'demo');
    await upsertPopulation(c, data.population);
    await upsertOutcomes(c, [...data.cvd].map(([orgCode, value]) => ({ indicatorId: 'mortality-cvd-under-75', orgCode, period: '2008', value })), 'demo');
    const round = await insertRound(c, { orgCode: '5C2', title: DEMO_ROUND_TITLE, firstYear: '2009-10', budgets: [1.6e6, 1.8e6, 1.9e6, 2.0e6, 2.1e6],
      objective: 'qalys', thresholdLow: 20000, thresholdHigh: 30000, outcomes: ['mortality-cvd-under-75', 'smoking-quitters', 'hip-fractures-65-plus', 'admissions-alcohol-narrow'] }, null);
    await replaceCriteria(c, round.id, demoCriteria);
    for (const o of demoOptions) await upsertOption(c, round.id, o);
    const options = await listOptions(c, round.id);
    const agreed = options.flatMap((o) => demoCriteria.map((k) => ({ optionId: o.id, criterion: k.code, score: scoreOf(demoOptions.find((d) => d.code === o.code)!, k.code), rationale: 'Agreed at the prioritisation panel on 12 February 2009 (demo).' })));
    await saveAgreed(c, round.id, null as unknown as string, agreed);
    await c.query(`UPDATE investment_rounds SET status = 'agreed' WHERE id = $1`, [round.id]);
    await recordAudit(c, { actor: null, action: 'investment.demo-seed', objectType: 'investment_round', objectId: String(round.id), orgCode: '5C2', after: { options: options.length } });
    return round.id;
  });
  const { rows } = await db.query(`SELECT * FROM investment_rounds WHERE id = $1`, [roundId]);
  const detail = await describeRound(db, { id: roundId, orgCode: '5C2', title: rows[0].title, firstYear: rows[0].first_year, budgets: rows[0].budgets.map(Number), objective: 'qalys', thresholdLow: 20000, thresholdHigh: 30000, outcomes: rows[0].outcomes, status: 'agreed', createdAt: '' });
  const problem = problemOf(detail);
  const solver = await loadSolver();
  const solution = solvePortfolio(solver, problem);
  await insertRun(db, roundId, 'optimise', problem, { ...solution, objectiveKind: 'qalys' }, null);
  const uncertainty = detail.options.map((o) => ({ value: { low: o.qalyLow, likely: o.qalyLikely, high: o.qalyHigh }, costFactor: { low: o.costLowFactor, likely: 1, high: o.costHighFactor } }));
  const mc = runMonteCarlo(solver, problem, { draws: 500, seed: 2009, shape: 'pert', mode: 'mip', uncertainty });
  await insertRun(db, roundId, 'monte-carlo', { draws: 500, seed: 2009, shape: 'pert' }, { ...mc, optionCodes: problem.options.map((o) => o.id) }, null);
  const baseline = Object.fromEntries(data.spend.filter((s) => s.orgCode === '5C2').map((s) => [s.programme, Math.round(s.spend * 1.04)]));
  const baseTotal = Object.values(baseline).reduce((a, b) => a + b, 0);
  await upsertPlan(db, '5C2', '2009-10', roundId, {
    allocation: Math.round(baseTotal * 1.012 / 1e5) * 1e5, baselineByProgramme: baseline,
    scenarios: [
      { name: 'low', allocationGrowth: [0, 0.04, 0.025, 0.02, 0.02], costGrowth: [0, 0.04, 0.035, 0.03, 0.03] },
      { name: 'central', allocationGrowth: [0, 0.05, 0.035, 0.03, 0.03], costGrowth: [0, 0.04, 0.035, 0.03, 0.03] },
      { name: 'high', allocationGrowth: [0, 0.065, 0.055, 0.045, 0.045], costGrowth: [0, 0.04, 0.035, 0.03, 0.03] },
    ],
    efficiency: [1.2e6, 2.2e6, 3.2e6, 4.2e6, 5.2e6], contingencyPct: 0.5, nonRecurringIncome: [0, 0, 0, 0, 0],
  }, null);
  return true;
}
