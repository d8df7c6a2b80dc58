// `wcc investment …`: programme budget imports and analyses, rounds, the optimiser, plans and the board
// paper, through the same services as the API. The command line is trusted like `wcc import`: it acts
// with national scope and is audited as "cli:<user>".
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { withRuntime } from './runtime.ts';
import { AppError } from '../platform/errors.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { importInvestmentCsv, programmeBudget, spendAgainstOutcome, type ImportKind } from '../investment/spend-service.ts';
import { listRounds, roundDetail } from '../investment/rounds-service.ts';
import { monteCarloRound, optimiseRound } from '../investment/optimise-service.ts';
import { financialRiskRating, planView } from '../investment/plan-service.ts';
import { boardPaper } from '../investment/board-paper.ts';
import { renderBoardPaperPdf } from '../investment/board-paper-pdf.ts';
import { seedInvestmentDemo } from '../investment/seed.ts';
import { costEffectivenessLabels } from '../investment/appraisal.ts';
import { deriveProgrammeSpend } from '../investment/derive-spend.ts';

const cli = (): Principal => ({ userId: null as unknown as string, email: `cli:${userInfo().username}`, displayName: 'command line', roles: [{ role: 'national_admin', orgCode: null }] });
const gbp = (n: number) => `${n < 0 ? '-' : ''}£${Math.abs(Math.round(n)).toLocaleString('en-GB')}`;
const out = (json: boolean | undefined, data: unknown, text: () => void) => (json ? console.log(JSON.stringify(data, null, 2)) : text());
const id = (v: string) => { const n = Number(v); if (!Number.isInteger(n) || n < 1) throw new AppError('invalid', `round id must be a positive whole number, not "${v}"`); return n; };

function importCommand(parent: Command, name: string, kind: ImportKind, columns: string): void {
  parent.command(name).description(`import ${kind} from CSV (${columns}); nothing is written if any row is wrong`).argument('<file>')
    .action(async (file: string) => {
      if (!existsSync(file)) throw new AppError('not_found', `no such file: ${file}`);
      const csv = readFileSync(file, 'utf8');
      await withRuntime(async ({ db }) => {
        try {
          const r = await importInvestmentCsv(db, cli(), kind, csv, basename(file));
          console.log(`${file}: imported ${r.rows} row(s) for ${r.orgCodes.join(', ')}`);
        } catch (err) {
          if (err instanceof AppError && err.errors) for (const e of err.errors) console.error(`${file}: ${e.path}: ${e.message}`);
          throw err;
        }
      });
    });
}

export function register(program: Command): void {
  const inv = program.command('investment').description('programme budgets, options appraisal, PBMA optimisation, five-year plans, board papers');
  importCommand(inv, 'import-spend', 'spend', 'org_code,year,programme,spend_gbp');
  importCommand(inv, 'import-population', 'population', 'org_code,year,age_band,sex,population');
  importCommand(inv, 'import-outcomes', 'outcomes', 'indicator_id,org_code,period,value');

  inv.command('derive-spend').description('programme spend CSV (for import-spend) from HES files hes_apc_*, hes_op_*, hes_ae_* (tariff costs + non-hospital shares)')
    .argument('<files...>').action(async (files: string[]) => {
      for (const f of files) if (!existsSync(f)) throw new AppError('not_found', `no such file: ${f}`);
      console.log('org_code,year,programme,spend_gbp');
      for (const r of await deriveProgrammeSpend(files)) console.log(`${r.orgCode},${r.year},${r.programme},${r.spend}`);
    });

  inv.command('programme-budget').description('spend by programme, per head and per weighted head').requiredOption('--org <code>').requiredOption('--year <year>', 'e.g. 2008-09').option('--json')
    .action(async (o: { org: string; year: string; json?: boolean }) => withRuntime(async ({ db }) => {
      const pb = await programmeBudget(db, o.org.toUpperCase(), o.year);
      out(o.json, pb, () => {
        console.log(`${pb.orgCode} ${pb.year}: ${gbp(pb.total)}, population ${pb.population ?? '?'}, weighted ${pb.weightedPopulation?.toFixed(0) ?? '?'}`);
        for (const l of pb.lines) console.log(`${l.programme.padStart(2)} ${l.name.padEnd(46)} ${gbp(l.spend).padStart(14)} ${l.perHead === null ? '' : `£${l.perHead.toFixed(2)}/head`.padStart(14)} ${l.perWeightedHead === null ? '' : `£${l.perWeightedHead.toFixed(2)}/wtd`.padStart(14)} ${l.peerMedianPerHead === null ? '' : `median £${l.peerMedianPerHead.toFixed(2)}`}`);
      });
    }));

  inv.command('spend-outcome').description('spend per weighted head against outcome, with quadrants').requiredOption('--org <code>').requiredOption('--year <year>').requiredOption('--programme <code>')
    .option('--peers <peers>', 'england or sha', 'england').option('--indicator <id>').option('--json')
    .action(async (o: { org: string; year: string; programme: string; peers: string; indicator?: string; json?: boolean }) => withRuntime(async ({ db }) => {
      if (o.peers !== 'england' && o.peers !== 'sha') throw new AppError('invalid', '--peers must be england or sha');
      const r = await spendAgainstOutcome(db, o.org.toUpperCase(), o.year, o.programme, o.peers, o.indicator);
      out(o.json, r, () => {
        console.log(`${r.programmeName} against ${r.indicatorId} (${r.outcomePeriod ?? 'no period'}, ${r.outcomeSource}, ${r.polarity}); medians £${r.spendMedian.toFixed(2)} and ${r.outcomeMedian.toFixed(1)}`);
        for (const p of r.points) console.log(`${p.isSubject ? '*' : ' '} ${p.orgCode.padEnd(5)} £${p.spendPerHead.toFixed(2).padStart(8)} ${String(p.outcome ?? '-').padStart(8)}  ${p.quadrant ?? ''}${p.flagged ? '  <- flagged' : ''}`);
      });
    }));

  inv.command('rounds').description('list prioritisation rounds').option('--org <code>').option('--json')
    .action(async (o: { org?: string; json?: boolean }) => withRuntime(async ({ db }) => {
      const rounds = await listRounds(db, cli(), o.org ?? null);
      out(o.json, rounds, () => rounds.forEach((r) => console.log(`${String(r.id).padStart(4)} ${r.orgCode} ${r.firstYear} ${r.status.padEnd(8)} ${r.title}`)));
    }));

  inv.command('round').description('a round: options with cost per QALY and weighted value').argument('<id>').option('--json')
    .action(async (rid: string, o: { json?: boolean }) => withRuntime(async ({ db }) => {
      const d = await roundDetail(db, cli(), id(rid));
      out(o.json, d, () => {
        console.log(`${d.round.title} (${d.round.orgCode}, ${d.round.status}); budgets ${d.round.budgets.map(gbp).join(' / ')}`);
        for (const x of d.options) console.log(`${x.code.padEnd(10)} ${gbp(x.totalCost).padStart(12)} ${String(x.qalyLikely).padStart(6)} QALYs ${x.costPerQaly === null ? '' : gbp(x.costPerQaly).padStart(10)} ${costEffectivenessLabels[x.costEffectiveness]}`);
      });
    }));

  inv.command('optimise').description('solve the round exactly (MIP) and store the run').argument('<id>').option('--json')
    .action(async (rid: string, o: { json?: boolean }) => withRuntime(async ({ db }) => {
      const s = await optimiseRound(db, cli(), id(rid));
      out(o.json, s, () => {
        console.log(`${s.status}: ${s.chosen.length} chosen, value ${s.objective.toFixed(1)} (${s.solveMs.toFixed(0)} ms): ${s.chosen.join(', ')}`);
        for (const b of s.budgets) console.log(`  year ${b.year + 1}: spend ${gbp(b.spend)} of ${gbp(b.budget)}; value of £1m more ${(b.shadowPrice * 1e6).toFixed(2)}`);
        console.log(`  in at the margin: ${s.marginalIn.map((m) => m.id).join(', ')}; out at the margin: ${s.marginalOut.map((m) => m.id).join(', ')}`);
      });
    }));

  inv.command('monte-carlo').description('probability of each option being in the optimal set').argument('<id>')
    .option('--draws <n>', 'draws', '1000').option('--seed <n>', 'seed', '2009').option('--shape <shape>', 'pert or triangular', 'pert').option('--json')
    .action(async (rid: string, o: { draws: string; seed: string; shape: string; json?: boolean }) => withRuntime(async ({ db }) => {
      if (o.shape !== 'pert' && o.shape !== 'triangular') throw new AppError('invalid', '--shape must be pert or triangular');
      const r = await monteCarloRound(db, cli(), id(rid), { draws: Number(o.draws), seed: Number(o.seed), shape: o.shape });
      out(o.json, r, () => r.optionCodes.forEach((c, i) => console.log(`${c.padEnd(10)} ${(r.probabilityIn[i]! * 100).toFixed(1).padStart(6)}%`)));
    }));

  inv.command('plan').description('a five-year plan with surplus by scenario, affordability and risk').requiredOption('--org <code>').requiredOption('--first-year <year>').option('--json')
    .action(async (o: { org: string; firstYear: string; json?: boolean }) => withRuntime(async ({ db }) => {
      const p = await planView(db, cli(), o.org, o.firstYear);
      out(o.json, p, () => {
        console.log(`years ${p.years.join(' ')}`);
        for (const s of p.scenarios) console.log(`${s.name.padEnd(8)} ${s.years.map((y) => gbp(y.surplus).padStart(14)).join(' ')}`);
        console.log(`${p.affordability.affordable ? 'affordable' : `not affordable: ${p.affordability.reasons.join('; ')}`}; risk rating ${p.risk.rating} (${p.risk.label}, ${p.risk.rag})`);
      });
    }));

  inv.command('risk-rating').description('financial risk rating of the plan covering a year').requiredOption('--org <code>').requiredOption('--year <year>')
    .action(async (o: { org: string; year: string }) => withRuntime(async ({ db }) => {
      const r = await financialRiskRating(db, o.org, o.year);
      if (!r) throw new AppError('not_found', `${o.org} has no plan covering ${o.year}`);
      console.log(`${r.rating} ${r.rag} ${r.label}: ${r.reasons.join('; ')}`);
    }));

  inv.command('board-paper').description('write the board paper of a round as PDF').argument('<id>').requiredOption('--out <file>')
    .action(async (rid: string, o: { out: string }) => withRuntime(async ({ db }) => {
      writeFileSync(o.out, await renderBoardPaperPdf(await boardPaper(db, cli(), id(rid))));
      console.log(`wrote ${o.out}`);
    }));

  inv.command('seed-demo').description('load the 5C2 demo (spend, round, plan) if absent')
    .action(async () => withRuntime(async ({ db }) => console.log((await seedInvestmentDemo(db)) ? 'seeded the investment demo for 5C2' : 'the investment demo is already there (or 5C2 is missing)')));
}
