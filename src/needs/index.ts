// The needs feature (knowing the population): risk stratification, segmentation, cost concentration
// and opportunity sizing. Other features import it only through here.
export { riskRoutes } from './routes.ts';
export { trainAndStore, scoreAndStore, areaViews, listPatients, patientsToCsv, type NeedsDeps } from './service.ts';
export { openLinkage, buildFeatures, DEFAULT_TARIFF } from './linkage.ts';
export { trainModel } from './train.ts';
export { scorePopulation, buildViews } from './score.ts';
export { loadSegmentation } from './segments.ts';
export { TRAIN_JOB, SCORE_JOB } from './job.ts';
