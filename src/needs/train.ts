// Training and validation with a temporal split: fit on people known before financial year T−1
// (outcome: an emergency admission in T−1), test on people known before T (outcome in T), where T is
// the latest financial year in the data. Both sets come from features.sql; the fit is pure TypeScript.
import { buildFeatures, fyLabel, type Linkage } from './linkage.ts';
import { designSelect, featureDefs, linearPredictorSql, type FeatureDef } from './design.ts';
import { readNumericColumns } from './columns.ts';
import { fitLogistic } from './logistic.ts';
import { evaluate, type Performance } from './evaluate.ts';

export interface TrainOptions {
  /** Financial year whose outcomes are the test set (default: the latest in the data). */
  testFy?: number;
  lookbackYears?: number;
  lambda?: number;
  /** Train on a random sample of at most this many people (default 1,000,000). */
  maxTrainRows?: number;
  /** Evaluate on a repeatable random sample of about this many test-year people when there are more
   * (default 3,000,000): keeps the JavaScript side bounded at national scale (55M → ~32M in the test year). */
  maxTestRows?: number;
  seed?: number;
  progress?: (step: string, fraction: number) => void;
}

export interface TrainedModel {
  features: { name: string; label: string; coefficient: number }[];
  intercept: number;
  lambda: number;
  lookbackYears: number;
  trainYear: string;
  testYear: string;
  trainPeople: number;
  trainRowsUsed: number;
  testPeople: number;
  testRowsUsed: number;
  iterations: number;
  converged: boolean;
  performance: Performance;
  timings: Record<string, number>;
}

export async function trainModel(link: Linkage, opts: TrainOptions = {}): Promise<TrainedModel> {
  const progress = opts.progress ?? (() => undefined);
  const lookback = opts.lookbackYears ?? 2;
  const testFy = opts.testFy ?? link.years[link.years.length - 1];
  if (testFy === undefined || !link.years.includes(testFy - 1) || !link.years.includes(testFy - 2)) {
    throw new Error(`training needs at least three financial years of activity (found ${link.years.map(fyLabel).join(', ') || 'none'})`);
  }
  const defs = featureDefs(link.groups);
  const timings: Record<string, number> = {};
  let t = Date.now();
  const lap = (name: string) => { timings[name] = (Date.now() - t) / 1000; t = Date.now(); };

  progress('building training features', 0.1);
  const trainPeople = await buildFeatures(link, 'train_features', testFy - 1, lookback);
  lap('trainFeatures');
  progress('building test features', 0.3);
  const testPeople = await buildFeatures(link, 'test_features', testFy, lookback);
  lap('testFeatures');
  if (trainPeople < 50 || testPeople < 50) throw new Error(`too few people to train (${trainPeople}) or test (${testPeople})`);

  progress('reading the training sample', 0.45);
  const maxRows = opts.maxTrainRows ?? 1_000_000;
  const sample = trainPeople > maxRows ? `USING SAMPLE reservoir(${Math.floor(maxRows)} ROWS) REPEATABLE (${Math.floor(opts.seed ?? 1)})` : '';
  const train = await readNumericColumns(link.duck, `SELECT CAST(y AS DOUBLE) AS y, ${designSelect(defs)} FROM train_features ${sample}`);
  lap('readTrain');
  progress('fitting', 0.55);
  const lambda = opts.lambda ?? 1;
  const fit = fitLogistic(train.columns.slice(1), train.columns[0]!, { lambda });
  lap('fit');

  progress('scoring the test year', 0.75);
  const maxTest = opts.maxTestRows ?? 3_000_000;
  // A sample by hash of the pseudonym: the same people every run whatever the thread schedule, one pass.
  const keep = Math.floor((maxTest / testPeople) * 1_000_003);
  const testTable = testPeople > maxTest
    ? `(SELECT * FROM test_features WHERE hash(person_id, ${Math.floor(opts.seed ?? 1)}) % 1000003 < ${keep})` : 'test_features';
  const test = await readNumericColumns(link.duck, scoreSelect(defs, testTable,
    'CAST(y AS DOUBLE) AS y, CAST(emergency_1y AS DOUBLE) AS baseline, CASE sex WHEN \'M\' THEN 1.0 WHEN \'F\' THEN 2.0 END AS sex, CAST(age AS DOUBLE) AS age, CAST(imd_quintile AS DOUBLE) AS imd'),
    [fit.intercept, ...fit.coefficients]);
  lap('scoreTest');
  const [p, y, baseline, sex, age, imd] = test.columns as [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];
  progress('evaluating', 0.9);
  const performance = evaluate({ predicted: p, y, baseline, sex, age, imdQuintile: imd });
  lap('evaluate');
  return {
    features: defs.map((d, j) => ({ name: d.name, label: d.label, coefficient: fit.coefficients[j]! })),
    intercept: fit.intercept, lambda, lookbackYears: lookback, trainYear: fyLabel(testFy - 1), testYear: fyLabel(testFy),
    trainPeople, trainRowsUsed: train.rows, testPeople, testRowsUsed: test.rows, iterations: fit.iterations, converged: fit.converged, performance, timings,
  };
}

/** SELECT of the predicted probability (first column `p`) and `extra` columns; params: intercept, coefficients. */
export function scoreSelect(defs: FeatureDef[], table: string, extra: string): string {
  return `SELECT 1 / (1 + exp(-${linearPredictorSql(defs)})) AS p, ${extra} FROM ${table}`;
}
