// The demo: reference data, demo accounts and content, and the synthetic England loaded at start-up.
export { loadReferenceData, seedDemoContent } from './seed.ts';
export { DEMO_DATA_JOB, demoDataJobHandler, demoDataNeeded, kindOfGeneratedFile } from './data-job.ts';
