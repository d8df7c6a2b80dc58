// The investment feature (competencies 6 and 11): programme budgets, options appraisal, PBMA
// optimisation, the five-year financial plan and the board paper.
export { investmentRoutes } from './routes.ts';
export { financialRiskRating } from './plan-service.ts';
export { seedInvestmentDemo } from './seed.ts';
export { loadProgrammeCategories, programmeOfIcd10 } from './programmes.ts';
