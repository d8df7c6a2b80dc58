// OCDS 1.1 releases for the framework and its call-offs. Pure builders: they take what is public at one
// step and return a release; a call-off links to its framework through relatedProcesses with the
// `framework` relationship. Bid contents, scores and rivals' prices are never part of a release.

export const OCID_PREFIX = 'ocds-wccnhs';
export const PUBLISHER = { name: 'World Class Commissioning platform (wcc)', uri: 'https://wcc.example/' };
export const LICENSE = 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/';

export type Json = Record<string, unknown>;

export const ocidOf = (processId: string) => `${OCID_PREFIX}-${processId}`;
const gbp = (amount: number) => ({ amount, currency: 'GBP' });
const day = (d: string) => `${d}T00:00:00Z`;

export interface Party { id: string; name: string }

export interface FrameworkState {
  id: string;
  title: string;
  description: string;
  buyerName: string;
  startsOn: string;
  endsOn: string;
  maxCallOffMonths: number;
  lots: { code: string; title: string }[];
  suppliers: Party[];
}

const buyerParty = (name: string) => ({ id: 'GB-DH', name, roles: ['buyer', 'procuringEntity'] });

export function frameworkRelease(f: FrameworkState, releaseId: string, date: string): Json {
  return {
    ocid: ocidOf(f.id), id: releaseId, date, tag: ['tender', 'award'], initiationType: 'tender', language: 'en',
    parties: [buyerParty(f.buyerName), ...f.suppliers.map((s) => ({ id: s.id, name: s.name, roles: ['supplier', 'tenderer'] }))],
    buyer: { id: 'GB-DH', name: f.buyerName },
    tender: {
      id: f.id, title: f.title, description: f.description, status: 'complete', mainProcurementCategory: 'services',
      procurementMethod: 'selective',
      procurementMethodDetails: `Framework agreement with pre-qualified suppliers; call-offs by mini-competition, each up to ${f.maxCallOffMonths} months; no direct patient care.`,
      items: f.lots.map((l) => ({ id: l.code, description: `Lot ${l.code}: ${l.title}` })),
      numberOfTenderers: f.suppliers.length, tenderers: f.suppliers.map((s) => ({ id: s.id, name: s.name })),
    },
    awards: [{
      id: `${f.id}-framework`, title: `${f.title}: framework agreement`, status: 'active', date: day(f.startsOn),
      suppliers: f.suppliers.map((s) => ({ id: s.id, name: s.name })),
      contractPeriod: { startDate: day(f.startsOn), endDate: day(f.endsOn) },
    }],
  };
}

export interface CallOffState {
  reference: string;
  title: string;
  requirement: string;
  pct: Party;
  frameworkId: string;
  frameworkTitle: string;
  lot: { code: string; title: string };
  budget: number;
  qualityWeight: number;
  criteria: { key: string; title: string; weight: number }[];
  tenderPublishedAt: string;
  bidDeadline: string;
  tenderStatus: 'active' | 'complete' | 'cancelled';
  tenderers: Party[] | null;
  award: { date: string; supplier: Party; value: number; startsOn: string; endsOn: string } | null;
  contract: {
    id: string; status: 'active' | 'terminated' | 'cancelled' | 'pending'; dateSigned: string; startsOn: string; endsOn: string;
    value: number; amendments: { id: string; date: string; description: string; rationale: string }[];
  } | null;
}

export type CallOffTag = 'tender' | 'tenderCancellation' | 'award' | 'contract' | 'contractAmendment' | 'contractTermination';

export function callOffRelease(s: CallOffState, tag: CallOffTag, releaseId: string, date: string): Json {
  const parties: Json[] = [{ id: `GB-NHS-${s.pct.id}`, name: s.pct.name, roles: ['buyer', 'procuringEntity'] }];
  for (const t of s.tenderers ?? []) {
    const roles = s.award?.supplier.id === t.id ? ['tenderer', 'supplier'] : ['tenderer'];
    parties.push({ id: t.id, name: t.name, roles });
  }
  const priceWeight = 100 - s.qualityWeight;
  const release: Json = {
    ocid: ocidOf(s.reference), id: releaseId, date, tag: [tag], initiationType: 'tender', language: 'en',
    parties,
    buyer: { id: `GB-NHS-${s.pct.id}`, name: s.pct.name },
    tender: {
      id: s.reference, title: s.title, description: s.requirement, status: s.tenderStatus,
      mainProcurementCategory: 'services', procurementMethod: 'selective',
      procurementMethodDetails: `Mini-competition among the suppliers of ${s.frameworkTitle}, lot ${s.lot.code} (${s.lot.title})`,
      value: gbp(s.budget), awardCriteria: 'ratedCriteria',
      awardCriteriaDetails: `Quality ${s.qualityWeight}% (${s.criteria.map((c) => `${c.title} ${c.weight}%`).join(', ')}), price ${priceWeight}% scored as lowest price / bid price × ${priceWeight}.`,
      submissionMethod: ['electronicSubmission'],
      tenderPeriod: { startDate: s.tenderPublishedAt, endDate: s.bidDeadline },
      ...(s.tenderers ? { numberOfTenderers: s.tenderers.length, tenderers: s.tenderers.map((t) => ({ id: t.id, name: t.name })) } : {}),
    },
    relatedProcesses: [{
      id: 'framework', relationship: ['framework'], title: s.frameworkTitle, scheme: 'ocid', identifier: ocidOf(s.frameworkId),
    }],
  };
  if (s.award) {
    release.awards = [{
      id: `${s.reference}-award`, title: s.title, status: 'active', date: s.award.date, value: gbp(s.award.value),
      suppliers: [{ id: s.award.supplier.id, name: s.award.supplier.name }],
      contractPeriod: { startDate: day(s.award.startsOn), endDate: day(s.award.endsOn) },
    }];
  }
  if (s.contract) {
    release.contracts = [{
      id: s.contract.id, awardID: `${s.reference}-award`, title: s.title, status: s.contract.status,
      period: { startDate: day(s.contract.startsOn), endDate: day(s.contract.endsOn) },
      value: gbp(s.contract.value), dateSigned: s.contract.dateSigned,
      ...(s.contract.amendments.length ? { amendments: s.contract.amendments } : {}),
    }];
  }
  return release;
}

export interface StoredRelease { ocid: string; release: Json }

export function releasePackage(releases: Json[], uri: string, publishedDate: string): Json {
  return { uri, version: '1.1', publishedDate, publisher: PUBLISHER, license: LICENSE, releases };
}

/**
 * Record package: one record per ocid with its releases and a compiled release. Every stored release is a
 * full snapshot of what was public at its step, so the compiled release is the latest one re-tagged.
 */
export function recordPackage(stored: StoredRelease[], uri: string, publishedDate: string): Json {
  const byOcid = new Map<string, Json[]>();
  for (const s of stored) byOcid.set(s.ocid, [...(byOcid.get(s.ocid) ?? []), s.release]);
  const records = [...byOcid.entries()].map(([ocid, releases]) => {
    const latest = releases[releases.length - 1]!;
    return { ocid, releases, compiledRelease: { ...latest, id: `${ocid}-compiled`, tag: ['compiled'] } };
  });
  return { uri, version: '1.1', publishedDate, publisher: PUBLISHER, license: LICENSE, records };
}
