// The indicator engine: catalogue, computation, values. Other features import it only from here.
export { indicatorRoutes } from './routes.ts';
export { loadCatalogue, findIndicator, CatalogueError } from './catalogue.ts';
export type { IndicatorDefinition } from './definition-schema.ts';
export type { IndicatorValue } from './compute-values.ts';
export { computeIndicators, ENGINE_VERSION, type ComputeOptions, type ComputeSummary } from './service.ts';
export { COMPUTE_JOB, computeJobHandler } from './job.ts';
export { listIndicators, getIndicator, findValues, syncCatalogue, EXPORT_COLUMNS, type ValueRow, type IndicatorSummary } from './repo.ts';
export { valuesToCsv, valuesToJson } from './export.ts';
