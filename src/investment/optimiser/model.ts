// The PBMA portfolio problem: choose options (0/1) to maximise total value (QALYs or weighted value)
// within each year's budget, honouring "A requires B", mutually exclusive pairs and must-do options.
// Pure: this file only describes the problem and writes it as CPLEX LP text for HiGHS.

export interface PortfolioOption {
  id: string;
  /** What the optimiser maximises for this option: QALYs, or a weighted value score. */
  value: number;
  /** Net cost in each plan year (negative = a saving, e.g. a disinvestment), same length as budgets. */
  costs: number[];
  mustDo?: boolean;
}

export interface PortfolioProblem {
  options: PortfolioOption[];
  /** Money available for new investment in each year of the plan. */
  budgets: number[];
  /** [a, b]: option a can only be chosen if b is chosen. */
  requires: [string, string][];
  /** [a, b]: a and b cannot both be chosen. */
  excludes: [string, string][];
}

export type ProblemError = { path: string; message: string };

/** Problems the solver would misread: unknown ids, wrong year counts, non-finite numbers. */
export function checkProblem(p: PortfolioProblem): ProblemError[] {
  const errors: ProblemError[] = [];
  const ids = new Set<string>();
  p.budgets.forEach((b, y) => { if (!Number.isFinite(b)) errors.push({ path: `budgets/${y}`, message: 'must be a number' }); });
  p.options.forEach((o, i) => {
    if (ids.has(o.id)) errors.push({ path: `options/${i}/id`, message: `duplicate option id ${o.id}` });
    ids.add(o.id);
    if (!Number.isFinite(o.value)) errors.push({ path: `options/${i}/value`, message: 'must be a number' });
    if (o.costs.length !== p.budgets.length) errors.push({ path: `options/${i}/costs`, message: `needs ${p.budgets.length} yearly costs, has ${o.costs.length}` });
    o.costs.forEach((c, y) => { if (!Number.isFinite(c)) errors.push({ path: `options/${i}/costs/${y}`, message: 'must be a number' }); });
  });
  for (const [kind, pairs] of [['requires', p.requires], ['excludes', p.excludes]] as const) {
    pairs.forEach(([a, b], i) => {
      if (!ids.has(a) || !ids.has(b)) errors.push({ path: `${kind}/${i}`, message: `unknown option ${!ids.has(a) ? a : b}` });
      if (a === b) errors.push({ path: `${kind}/${i}`, message: 'an option cannot refer to itself' });
    });
  }
  return errors;
}

/** Column name of option i (LP names must be simple; ids are kept outside the model). */
export const col = (i: number): string => `x${i}`;

function term(coef: number, name: string, first: boolean): string {
  const sign = coef < 0 ? '-' : first ? '' : '+';
  return `${sign} ${Math.abs(coef)} ${name}`;
}

export interface LpOptions {
  /** Integer (MIP) or continuous 0..1 (LP relaxation). */
  integer: boolean;
  /** Option indices fixed at 0 or 1. */
  fixed?: Map<number, 0 | 1>;
  /** Replace option values / costs (Monte Carlo draws). */
  values?: number[];
  costs?: number[][];
}

/** The problem as CPLEX LP text: rows `b<y>` are budgets, `r<k>` requirements, `e<k>` exclusions. */
export function toLpText(p: PortfolioProblem, opts: LpOptions): string {
  const index = new Map(p.options.map((o, i) => [o.id, i]));
  const values = opts.values ?? p.options.map((o) => o.value);
  const costs = opts.costs ?? p.options.map((o) => o.costs);
  const lines: string[] = ['Maximize'];
  const obj = values.map((v, i) => term(v, col(i), i === 0));
  lines.push(` obj: ${obj.length ? obj.join(' ') : '0 x0'}`, 'Subject To');
  p.budgets.forEach((budget, y) => {
    const terms = costs.map((c, i) => (c[y] === 0 ? '' : term(c[y]!, col(i), false))).filter(Boolean);
    lines.push(` b${y}: 0 ${col(0)} ${terms.join(' ')} <= ${budget}`);
  });
  p.requires.forEach(([a, b], k) => lines.push(` r${k}: ${col(index.get(a)!)} - ${col(index.get(b)!)} <= 0`));
  p.excludes.forEach(([a, b], k) => lines.push(` e${k}: ${col(index.get(a)!)} + ${col(index.get(b)!)} <= 1`));
  lines.push('Bounds');
  p.options.forEach((o, i) => {
    const fixed = opts.fixed?.get(i) ?? (o.mustDo ? 1 : undefined);
    if (fixed !== undefined) lines.push(` ${col(i)} = ${fixed}`);
    else lines.push(` 0 <= ${col(i)} <= 1`);
  });
  if (opts.integer && p.options.length) lines.push('General', ` ${p.options.map((_, i) => col(i)).join(' ')}`);
  lines.push('End');
  return lines.join('\n') + '\n';
}

/** Whether a 0/1 choice satisfies every constraint (used by the brute force and as a check). */
export function isFeasible(p: PortfolioProblem, chosen: boolean[], tol = 1e-6): boolean {
  const index = new Map(p.options.map((o, i) => [o.id, i]));
  for (let y = 0; y < p.budgets.length; y++) {
    let spend = 0;
    p.options.forEach((o, i) => { if (chosen[i]) spend += o.costs[y]!; });
    if (spend > p.budgets[y]! + tol) return false;
  }
  if (p.options.some((o, i) => o.mustDo && !chosen[i])) return false;
  if (p.requires.some(([a, b]) => chosen[index.get(a)!] && !chosen[index.get(b)!])) return false;
  if (p.excludes.some(([a, b]) => chosen[index.get(a)!] && chosen[index.get(b)!])) return false;
  return true;
}
