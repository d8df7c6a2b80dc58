// NHS programme budgeting categories (reference/programme-categories.csv) with their ICD-10 ranges, so that
// activity costs can be assigned to a programme by primary diagnosis, and the needs weights and
// non-hospital spend shares used with them. Pure apart from reading the data files it is given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvObjects } from '../platform/csv.ts';

export const INVESTMENT_DATA_DIR = join(import.meta.dirname, 'reference');

export interface ProgrammeCategory { code: string; name: string; icd10: { from: string; to: string }[]; note: string }
export interface ProgrammeOutcome { programme: string; indicatorId: string; label: string }
export interface NeedsWeight { ageBand: string; male: number; female: number }

function read(file: string): Record<string, string>[] {
  return parseCsvObjects(readFileSync(join(INVESTMENT_DATA_DIR, file), 'utf8'), file);
}

export function loadProgrammeCategories(): ProgrammeCategory[] {
  return read('programme-categories.csv').map((r) => ({
    code: r.code!, name: r.name!, note: r.note ?? '',
    icd10: r.icd10_ranges!.split(';').map((range) => {
      const [from, to] = range.split('-');
      return { from: from!, to: to ?? from! };
    }),
  }));
}

export function loadProgrammeOutcomes(): ProgrammeOutcome[] {
  return read('programme-outcomes.csv').map((r) => ({ programme: r.programme!, indicatorId: r.indicator_id!, label: r.label! }));
}

export function loadNeedsWeights(): NeedsWeight[] {
  return read('needs-weights.csv').map((r) => ({ ageBand: r.age_band!, male: Number(r.male), female: Number(r.female) }));
}

export function loadNonHospitalShares(): Map<string, number> {
  return new Map(read('non-hospital-shares.csv').map((r) => [r.programme!, Number(r.share_of_programme_spend)]));
}

/** The programme of an ICD-10 code such as 'I21.9' or 'F72' (first three characters decide); '23' when none fits. */
export function programmeOfIcd10(categories: ProgrammeCategory[], code: string): string {
  const key = code.replace('.', '').toUpperCase().slice(0, 3);
  for (const c of categories) {
    if (c.icd10.some((r) => key >= r.from && key <= r.to)) return c.code;
  }
  return '23';
}
