// Loading the reference tree and answering organisation questions for the API and CLI.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTransaction, type Db } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { buildReferenceTree } from './reference.ts';
import { findOrganisations, getOrganisation, upsertOrganisations, type Organisation } from './repo.ts';

/** Loads (or refreshes) the WCC-era tree from the shared reference files; returns rows changed. */
export async function loadReferenceOrganisations(db: Db, sharedDataDir: string): Promise<number> {
  const dir = join(sharedDataDir, 'reference');
  const { orgs, hierarchy } = buildReferenceTree(
    readFileSync(join(dir, 'sha_2006_2013.csv'), 'utf8'),
    readFileSync(join(dir, 'pct_sha_lookup_2006_2013.csv'), 'utf8'),
  );
  return withTransaction(db, async (client) => {
    const changed = await upsertOrganisations(client, orgs, hierarchy);
    if (changed > 0) {
      await recordAudit(client, {
        actor: null, action: 'organisations.load', objectType: 'organisation-tree', objectId: 'reference-2006-2013',
        after: { organisations: orgs.length, links: hierarchy.length, rowsChanged: changed },
      });
    }
    return changed;
  });
}

export interface OrganisationDetail extends Organisation {
  parent: Organisation | null;
  children: Organisation[];
  successor: Organisation | null;
}

export async function organisationDetail(db: Db, code: string, asOf?: string): Promise<OrganisationDetail> {
  const org = await getOrganisation(db, code.toUpperCase(), asOf);
  if (!org) throw new AppError('not_found', `There is no organisation with code ${code}.`);
  const [parent, children, successor] = await Promise.all([
    org.parentCode ? getOrganisation(db, org.parentCode, asOf) : null,
    findOrganisations(db, { parent: org.code, asOf }),
    org.successorCode ? getOrganisation(db, org.successorCode, asOf) : null,
  ]);
  return { ...org, parent, children, successor };
}

export function checkDate(value: string | undefined, field: string): string | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
  if (!ok) throw new AppError('invalid', `${field} must be a date written YYYY-MM-DD, got "${value}"`, [{ path: `querystring/${field}`, message: 'must be a date YYYY-MM-DD' }]);
  return value;
}
