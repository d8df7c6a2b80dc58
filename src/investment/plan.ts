// The five-year financial plan: allocation, baseline spend, growth, the chosen investments and
// disinvestments, efficiency plans and contingency, giving a surplus or deficit per year under each
// scenario, and an affordability test. Pure: every figure can be checked by hand from the inputs.

export const PLAN_YEARS = 5;

export interface PlanScenario {
  name: string;
  /** Growth of the allocation into each year (index 0 is ignored: year 1 is the base). */
  allocationGrowth: number[];
  /** Growth of baseline spend (demography, prices, activity) into each year, index 0 ignored. */
  costGrowth: number[];
}

export interface PlanInputs {
  /** Recurring revenue allocation in year 1, £. */
  allocation: number;
  /** Year-1 baseline spend by programme code, £ (before any new investment). */
  baselineByProgramme: Record<string, number>;
  scenarios: PlanScenario[];
  /** Recurring savings delivered by efficiency plans (cumulative), £ per year. */
  efficiency: number[];
  /** Share of each year's allocation held as contingency, %. */
  contingencyPct: number;
  /** Non-recurring money (e.g. returned surpluses), £ per year. */
  nonRecurringIncome: number[];
}

export interface PlanInvestments { recurring: number[]; nonRecurring: number[] }

export interface PlanYear {
  year: number;
  allocation: number;
  nonRecurringIncome: number;
  baseline: number;
  investmentRecurring: number;
  investmentNonRecurring: number;
  efficiency: number;
  contingency: number;
  expenditure: number;
  surplus: number;
  surplusPct: number;
  /** Recurring income less recurring spend: whether the plan stands up without one-off money. */
  recurringBalance: number;
}

export interface ScenarioResult { name: string; years: PlanYear[] }

export function checkPlanInputs(p: PlanInputs): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  if (!(p.allocation > 0)) errors.push({ path: 'allocation', message: 'must be more than zero' });
  for (const key of ['efficiency', 'nonRecurringIncome'] as const) {
    if (p[key].length !== PLAN_YEARS) errors.push({ path: key, message: `needs ${PLAN_YEARS} yearly values` });
  }
  p.scenarios.forEach((s, i) => {
    if (s.allocationGrowth.length !== PLAN_YEARS) errors.push({ path: `scenarios/${i}/allocationGrowth`, message: `needs ${PLAN_YEARS} values` });
    if (s.costGrowth.length !== PLAN_YEARS) errors.push({ path: `scenarios/${i}/costGrowth`, message: `needs ${PLAN_YEARS} values` });
  });
  if (!p.scenarios.some((s) => s.name === 'central')) errors.push({ path: 'scenarios', message: 'needs a scenario named "central"' });
  if (p.contingencyPct < 0 || p.contingencyPct > 10) errors.push({ path: 'contingencyPct', message: 'must be between 0 and 10' });
  return errors;
}

export function computePlan(p: PlanInputs, inv: PlanInvestments): ScenarioResult[] {
  const baseline1 = Object.values(p.baselineByProgramme).reduce((a, b) => a + b, 0);
  return p.scenarios.map((s) => {
    let allocation = p.allocation, baseline = baseline1;
    const years: PlanYear[] = [];
    for (let y = 0; y < PLAN_YEARS; y++) {
      if (y > 0) { allocation *= 1 + s.allocationGrowth[y]!; baseline *= 1 + s.costGrowth[y]!; }
      const investmentRecurring = inv.recurring[y] ?? 0;
      const investmentNonRecurring = inv.nonRecurring[y] ?? 0;
      const efficiency = p.efficiency[y] ?? 0;
      const nonRecurringIncome = p.nonRecurringIncome[y] ?? 0;
      const contingency = (allocation * p.contingencyPct) / 100;
      const expenditure = baseline + investmentRecurring + investmentNonRecurring - efficiency + contingency;
      const surplus = allocation + nonRecurringIncome - expenditure;
      years.push({
        year: y, allocation, nonRecurringIncome, baseline, investmentRecurring, investmentNonRecurring, efficiency, contingency,
        expenditure, surplus, surplusPct: (surplus / allocation) * 100,
        recurringBalance: allocation - (baseline + investmentRecurring - efficiency),
      });
    }
    return { name: s.name, years };
  });
}

export interface Affordability { affordable: boolean; reasons: string[] }

/** Affordable when the central scenario is in surplus every year and in recurring balance by year 5. */
export function affordability(results: ScenarioResult[], firstYear: string): Affordability {
  const central = results.find((r) => r.name === 'central');
  if (!central) return { affordable: false, reasons: ['there is no central scenario'] };
  const reasons: string[] = [];
  central.years.forEach((y) => {
    if (y.surplus < 0) reasons.push(`deficit of £${Math.round(-y.surplus).toLocaleString('en-GB')} in ${financialYear(firstYear, y.year)} (central)`);
  });
  const last = central.years[central.years.length - 1]!;
  if (last.recurringBalance < 0) reasons.push(`recurring spend exceeds recurring allocation by £${Math.round(-last.recurringBalance).toLocaleString('en-GB')} in ${financialYear(firstYear, last.year)}`);
  return { affordable: reasons.length === 0, reasons };
}

/** '2009-10' plus 2 years is '2011-12'. */
export function financialYear(first: string, offset: number): string {
  const start = Number(first.slice(0, 4)) + offset;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}
