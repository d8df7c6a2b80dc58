// `wcc risk train | score | report`: the risk stratification pipeline from the command line, calling
// the same services as the API's jobs; progress bars on stderr.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../platform/errors.ts';
import { withRuntime } from './runtime.ts';
import { scoreAndStore, trainAndStore } from '../needs/index.ts';
import { getModel, latestRun, getAreaViews } from '../needs/repo.ts';

function progressBar(task: string) {
  const bar = new cliProgress.SingleBar({ stream: process.stderr, format: `${task} |{bar}| {percentage}% {step}`, hideCursor: true }, cliProgress.Presets.shades_classic);
  bar.start(100, 0, { step: 'starting' });
  return { update: (step: string, f: number) => bar.update(Math.round(f * 100), { step }), stop: () => bar.stop() };
}

const pct = (x: number | null | undefined, d = 1) => (x === null || x === undefined || Number.isNaN(x) ? '-' : `${(x * 100).toFixed(d)}%`);

export function register(program: Command): void {
  const cmd = program.command('risk').description('predictive risk of emergency admission, segmentation, cost concentration, opportunity');

  cmd.command('train')
    .description('train and validate a new model version on the warehouse (temporal split: test on the latest year)')
    .option('--test-year <fy>', 'financial year (start) to hold out, e.g. 2009 for 2009-10')
    .option('--lambda <l>', 'L2 penalty', '1')
    .option('--max-train <n>', 'train on a random sample of at most n people', '1000000')
    .option('--max-test <n>', 'evaluate on a repeatable random sample of about n test-year people when there are more', '3000000')
    .option('--tariff <file>', 'HRG-like tariff CSV (default: the generator\'s data/tariff.csv)')
    .action(async (o: { testYear?: string; lambda: string; maxTrain: string; maxTest: string; tariff?: string }) => {
      const lambda = Number(o.lambda);
      if (!(lambda >= 0)) throw new AppError('invalid', '--lambda must be a number >= 0');
      for (const [flag, v] of [['--max-train', o.maxTrain], ['--max-test', o.maxTest]] as const) {
        if (!(Number.isInteger(Number(v)) && Number(v) >= 100)) throw new AppError('invalid', `${flag} must be a whole number of at least 100`);
      }
      await withRuntime(async ({ db, config }) => {
        const bar = progressBar('train');
        try {
          const m = await trainAndStore({ db, dataDir: config.dataDir }, {
            testFy: o.testYear ? Number(o.testYear) : undefined, lambda, maxTrainRows: Number(o.maxTrain), maxTestRows: Number(o.maxTest), tariffFile: o.tariff,
            createdBy: `cli:${userInfo().username}`, progress: bar.update,
          });
          bar.stop();
          const p = m.performance;
          console.log(`model v${m.version}: trained on ${m.trainYear} outcomes (${m.trainPeople} people), tested on ${m.testYear} (${p.people} people, ${p.events} with an emergency admission)`);
          console.log(`AUROC ${p.model.auroc.value.toFixed(3)} (95% CI ${p.model.auroc.lower95.toFixed(3)}–${p.model.auroc.upper95.toFixed(3)}); baseline (prior-year emergency admissions) ${p.baseline.auroc.value.toFixed(3)}`);
          for (const [i, t] of p.model.top.entries()) console.log(`top ${t.topPercent}%: PPV ${pct(t.ppv)} sensitivity ${pct(t.sensitivity)}   baseline PPV ${pct(p.baseline.top[i]?.ppv)} sensitivity ${pct(p.baseline.top[i]?.sensitivity)}`);
        } finally { bar.stop(); }
      });
    });

  cmd.command('score')
    .description('score everyone with the latest model for the next year and rebuild the population views')
    .option('--no-store', 'write the scores Parquet and views only (no per-person rows in PostgreSQL)')
    .option('--tariff <file>', 'HRG-like tariff CSV')
    .action(async (o: { store: boolean; tariff?: string }) => {
      await withRuntime(async ({ db, config }) => {
        const bar = progressBar('score');
        try {
          const r = await scoreAndStore({ db, dataDir: config.dataDir }, { storeScores: o.store, tariffFile: o.tariff, createdBy: `cli:${userInfo().username}`, progress: bar.update });
          bar.stop();
          console.log(`scored ${r.people} people for ${r.scoreYear} with model v${r.modelVersion} (and ${r.noContactPeople} with no hospital contact, by age, sex and deprivation); views for ${r.areas} areas; scores in ${r.scoresFile}`);
        } finally { bar.stop(); }
      });
    });

  cmd.command('report')
    .description('print the latest model\'s performance and an area\'s population views')
    .option('--area <code>', 'PCT code or ENG', 'ENG')
    .option('--format <f>', 'text or json', 'text')
    .action(async (o: { area: string; format: string }) => {
      await withRuntime(async ({ db }) => {
        const m = await getModel(db);
        if (!m) throw new AppError('not_found', 'No risk model yet: run wcc risk train.');
        const run = await latestRun(db);
        const views = run ? await getAreaViews(db, run.id, o.area.toUpperCase()) : null;
        if (o.format === 'json') return console.log(JSON.stringify({ model: { ...m, coefficients: m.coefficients }, views }, null, 2));
        const p = m.performance;
        console.log(`Model v${m.version} (test year ${m.testYear}): AUROC ${p.model.auroc.value.toFixed(3)} [${p.model.auroc.lower95.toFixed(3)}, ${p.model.auroc.upper95.toFixed(3)}] vs baseline ${p.baseline.auroc.value.toFixed(3)}`);
        console.log('Calibration (decile: predicted / observed):');
        for (const c of p.calibration) console.log(`  ${String(c.decile).padStart(2)}  ${pct(c.meanPredicted)}  ${pct(c.observedRate)}`);
        console.log('Fairness (group: people, AUROC, observed/predicted, share in top 5%):');
        for (const g of p.fairness) console.log(`  ${g.dimension.padEnd(13)} ${g.group.padEnd(20)} ${String(g.people ?? '<5').padStart(8)} ${g.auroc ? g.auroc.value.toFixed(3) : '-'}  ${pct(g.observedRate)} / ${pct(g.meanPredicted)}  ${pct(g.shareInTop5)}`);
        if (!views) return console.log(`No population views for ${o.area}${run ? '' : ' (run wcc risk score)'}.`);
        console.log(`${views.area} ${views.scoreYear}: population ${views.population}, known to services ${views.knownPeople}; cost ${views.costYear} £${Math.round(views.concentration.totalCost).toLocaleString('en-GB')}`);
        console.log(`Cost share of the top 1% ${pct(views.concentration.top1)}, top 5% ${pct(views.concentration.top5)}, top 20% ${pct(views.concentration.top20)}`);
        const opp = views.opportunity.filter((r) => r.programme === 'All programmes');
        for (const r of opp) console.log(`  ${r.measure.padEnd(22)} observed ${r.observed ?? '<5'} expected ${r.expected.toFixed(0)} ratio ${r.ratio?.toFixed(2) ?? '-'} best quartile ${r.bestQuartileRatio?.toFixed(2) ?? '-'} gap ${r.gap?.toFixed(0) ?? '-'} (£${Math.round(r.gapPounds ?? 0).toLocaleString('en-GB')})`);
      });
    });
}
