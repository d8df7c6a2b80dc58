// The reference organisation tree of the WCC era, built from ../shared/data/reference: England, the
// 10 SHAs of 2006–2013 and their PCTs, with Hertfordshire's 2010 merger of 5P3 and 5P4 into 5QV.
// Pure: takes file contents, returns rows.
import { parseCsvObjects } from '../platform/csv.ts';

export interface OrganisationRow {
  code: string;
  name: string;
  type: 'england' | 'sha' | 'pct';
  onsCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
}

export interface HierarchyRow {
  childCode: string;
  parentCode: string;
  validFrom: string;
  validTo: string | null;
}

export const ENGLAND = 'ENG';
export const SHA_FROM = '2006-07-01'; //   the 10 SHAs were created on 1 July 2006
export const PCT_FROM = '2006-10-01'; //   the 152 PCTs on 1 October 2006
export const ABOLISHED = '2013-03-31'; //  SHAs and PCTs were abolished on 31 March 2013
export const HERTS_MERGED_TO = '2010-03-31';
export const HERTS_MERGED_FROM = '2010-04-01';
const MERGED_INTO_5QV = new Set(['5P3', '5P4']);

export function buildReferenceTree(shaCsv: string, pctCsv: string): { orgs: OrganisationRow[]; hierarchy: HierarchyRow[] } {
  const orgs: OrganisationRow[] = [{
    code: ENGLAND, name: 'England', type: 'england', onsCode: 'E92000001', validFrom: '1948-07-05', validTo: null, successorCode: null,
  }];
  const hierarchy: HierarchyRow[] = [];
  for (const r of parseCsvObjects(shaCsv, 'sha_2006_2013.csv')) {
    orgs.push({ code: r.sha_code, name: r.sha_name, type: 'sha', onsCode: r.sha_ons_code || null, validFrom: SHA_FROM, validTo: ABOLISHED, successorCode: null });
    hierarchy.push({ childCode: r.sha_code, parentCode: ENGLAND, validFrom: SHA_FROM, validTo: ABOLISHED });
  }
  const shaCodes = new Set(orgs.filter((o) => o.type === 'sha').map((o) => o.code));
  for (const [i, r] of parseCsvObjects(pctCsv, 'pct_sha_lookup_2006_2013.csv').entries()) {
    if (!shaCodes.has(r.sha_code)) throw new Error(`pct_sha_lookup_2006_2013.csv:${i + 2}:sha_code: "${r.sha_code}" is not an SHA`);
    const merged = MERGED_INTO_5QV.has(r.pct_code);
    const validFrom = r.pct_code === '5QV' ? HERTS_MERGED_FROM : PCT_FROM;
    const validTo = merged ? HERTS_MERGED_TO : ABOLISHED;
    orgs.push({
      code: r.pct_code, name: r.pct_name, type: 'pct', onsCode: r.pct_ons_code || null,
      validFrom, validTo, successorCode: merged ? '5QV' : null,
    });
    hierarchy.push({ childCode: r.pct_code, parentCode: r.sha_code, validFrom, validTo });
  }
  // Successors must exist before they are referenced.
  orgs.sort((a, b) => Number(a.successorCode !== null) - Number(b.successorCode !== null));
  return { orgs, hierarchy };
}
