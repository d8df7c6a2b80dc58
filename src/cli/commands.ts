// The commands of `wcc`, each loaded lazily. Add a command here, once.
import type { Command } from 'commander';

export interface CommandModule {
  register(program: Command): void;
}

export const commands: { name: string; summary: string; load: () => Promise<CommandModule> }[] = [
  { name: 'start', summary: 'start the server and web app (embedded PostgreSQL unless DATABASE_URL is set)', load: () => import('./start.ts') },
  { name: 'migrate', summary: 'apply database migrations', load: () => import('./migrate.ts') },
  { name: 'users', summary: 'add and list users, reset passwords', load: () => import('./users.ts') },
  { name: 'stats', summary: 'PHE indicator statistics over a CSV file (dsr, proportion, rate, life-expectancy, sii, funnels, …)', load: () => import('./stats.ts') },
  { name: 'import', summary: 'import HES, ONS, deaths, births, IMD, LA-PCT lookups and published indicator values', load: () => import('./import.ts') },
  { name: 'indicators', summary: 'compute, list and export the indicator catalogue for every area', load: () => import('./indicators.ts') },
  { name: 'generate', summary: 'generate a synthetic England in the importers\' formats', load: () => import('./generate.ts') },
  { name: 'assurance', summary: 'assurance frameworks, cycles, open data and the demo cycle', load: () => import('./assurance.ts') },
  { name: 'orgs', summary: 'list organisations (England, SHAs, PCTs) as of a date', load: () => import('./orgs.ts') },
  { name: 'investment', summary: 'programme budgets, options appraisal, PBMA optimisation, five-year plans and board papers', load: () => import('./investment.ts') },
  { name: 'procurement', summary: 'FESC demo, contracts register and the OCDS 1.1 package (validated)', load: () => import('./procurement.ts') },
  { name: 'risk', summary: 'predictive risk of emergency admission: train, score, report (segments, cost concentration, opportunity)', load: () => import('./risk.ts') },
  { name: 'outcomes', summary: 'area profiles, local outcomes (demo cycle) and the needs-assessment report', load: () => import('./outcomes.ts') },
];
