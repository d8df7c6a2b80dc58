// What `npm start` loads into a database: the reference data every install needs (organisation tree,
// assurance frameworks, indicator catalogue) and, with the demo on, accounts and worked examples for
// each feature. Every step is idempotent, so a second start changes nothing.
import type { Db } from '../platform/db.ts';
import type { Config } from '../platform/config.ts';
import { seedDemoUsers } from '../platform/demo.ts';
import { loadReferenceOrganisations } from '../orgs/index.ts';
import { syncAssuranceFrameworks, seedDemo as seedAssuranceDemo } from '../assurance/index.ts';
import { loadCatalogue, syncCatalogue } from '../analytics/indicators/index.ts';
import { seedProcurementDemo } from '../procurement/index.ts';
import { seedInvestmentDemo } from '../investment/index.ts';

export async function loadReferenceData(db: Db, config: Config, log: (line: string) => void): Promise<void> {
  const changed = await loadReferenceOrganisations(db, config.sharedDataDir);
  if (changed) log(`Loaded the reference organisations (${changed} rows changed)`);
  const frameworks = await syncAssuranceFrameworks(db);
  for (const r of [...frameworks.frameworks.refused, ...frameworks.policies.refused]) log(`Warning: ${r.reason}`);
  await syncCatalogue(db, loadCatalogue());
}

/** Demo accounts and (with `content`) worked examples; returns whether the accounts were created now. */
export async function seedDemoContent(db: Db, log: (line: string) => void, content = true): Promise<boolean> {
  const created = await seedDemoUsers(db);
  if (!content) return created;
  const steps: [string, () => Promise<unknown>][] = [
    ['assurance cycle', () => seedAssuranceDemo(db)],
    ['FESC framework and support', () => seedProcurementDemo(db)],
    ['investment round for 5C2', () => seedInvestmentDemo(db)],
  ];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch (err) {
      log(`Warning: the ${name} demo could not be loaded: ${(err as Error).message}`);
    }
  }
  return created;
}
