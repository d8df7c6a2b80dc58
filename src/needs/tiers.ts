// National risk tiers over the whole population without a national sort (tiers.sql): people known to
// services (table `scored`: person_id, p, b) and the no-contact strata (table `no_contact`: stratum, p,
// people, b) → tables `scores` and `no_contact_tiers`.
import { readFileSync } from 'node:fs';
import type { Duck } from '../analytics/duckdb.ts';
import { runScript } from './sql-script.ts';
import { tierBounds, type Tier } from './segments.ts';

const TIERS_SQL = readFileSync(new URL('./tiers.sql', import.meta.url), 'utf8');

/** Bucket of predicted risk for the tiers: monotone in p, width 1e-6. */
export const riskBucket = (p: string): string => `floor((${p}) * 1e6)::BIGINT`;

export async function assignTiers(duck: Duck, tiers: Tier[]): Promise<void> {
  await duck.run('CREATE OR REPLACE TABLE tier_shares (tier VARCHAR, ord INTEGER, cum_lo DOUBLE, cum_hi DOUBLE)');
  let lo = 0;
  for (const [i, b] of tierBounds(tiers).entries()) {
    await duck.run('INSERT INTO tier_shares VALUES ($1, $2, $3, $4)', [b.id, i, lo, b.upTo]);
    lo = b.upTo;
  }
  await runScript(duck, TIERS_SQL);
}
