// Support and development: share (library, events), build (action learning sets), and matching support
// to need. Registered with the procurement feature (src/procurement/index.ts) under /api/support.
export { supportRoutes } from './routes.ts';
export { latestCompetencyScores, competencyScoresByYear } from './competency-scores.ts';
export { createEvent } from './events.ts';
