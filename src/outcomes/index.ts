// The outcomes feature: area profiles and benchmarking views, choosing local outcomes with stretch
// targets, progress dashboards and the needs-assessment report. Other features import it from here.
export { areaRoutes } from './area-routes.ts';
export { outcomeOrgRoutes } from './routes.ts';
export { outcomeRoutes } from './dashboard-routes.ts';
export { seedDemo, DEMO_CYCLE, DEMO_PCT } from './demo.ts';
export { getProfile } from './profile-service.ts';
