// Programme spend derived from record-level activity (the synthetic generator's HES files, or real
// ones): admitted spells are costed with the tariff (spell cost + excess bed days, day cases at 80%)
// and assigned to a programme by primary diagnosis (ICD-10); outpatient and A&E attendances, which carry
// no diagnosis here, go to programme 23 (other). Hospital spend is then grossed up by each programme's
// non-hospital share (reference/non-hospital-shares.csv): total = hospital / (1 − share).
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { loadTariff, spellCost, type TariffRow } from '../analytics/generator/index.ts';
import { loadNonHospitalShares, loadProgrammeCategories, programmeOfIcd10, type ProgrammeCategory } from './programmes.ts';
import type { SpendRow } from './csv-rows.ts';

export type Dataset = 'apc' | 'op' | 'ae';

/** Hospital cost accumulated by PCT, financial year and programme. */
export class ActivityCosts {
  readonly hospital = new Map<string, number>();
  constructor(private readonly tariff: Map<string, TariffRow>, private readonly categories: ProgrammeCategory[]) {}

  /** Adds one record (as a header→value map); returns the cost added (0 for records not costed). */
  add(dataset: Dataset, r: Record<string, string>): number {
    const t = this.tariff.get(r.SUSHRG ?? '');
    const pct = r.PCTCODE_HIS ?? '';
    if (!t || !pct || !/^\d{4}$/.test(r.FYEAR ?? '')) return 0;
    let cost = 0, programme = '23';
    if (dataset === 'apc') {
      if (r.EPIORDER !== '1') return 0; // one charge per spell, on its first episode
      cost = spellCost(t, Number(r.SPELDUR || r.EPIDUR || 0), r.CLASSPAT === '2');
      programme = programmeOfIcd10(this.categories, r.DIAG_4_01 ?? '');
    } else {
      if (dataset === 'op' && !['5', '6'].includes(r.ATTENDED ?? '5')) return 0; // attended only
      cost = t.cost;
    }
    const year = `20${r.FYEAR!.slice(0, 2)}-${r.FYEAR!.slice(2)}`;
    const key = `${pct}|${year}|${programme}`;
    this.hospital.set(key, (this.hospital.get(key) ?? 0) + cost);
    return cost;
  }

  /** Spend rows: hospital cost grossed up by the non-hospital share of each programme. */
  toSpend(shares: Map<string, number>): SpendRow[] {
    return [...this.hospital].map(([key, hospital]) => {
      const [orgCode, year, programme] = key.split('|') as [string, string, string];
      const share = shares.get(programme) ?? 0;
      return { orgCode, year, programme, spend: Math.round(hospital / (1 - share)) };
    }).sort((a, b) => a.orgCode.localeCompare(b.orgCode) || a.year.localeCompare(b.year) || Number(a.programme) - Number(b.programme));
  }
}

function datasetOf(file: string): Dataset {
  if (/apc/i.test(file)) return 'apc';
  if (/_op_|\bop\b|outpat/i.test(file)) return 'op';
  if (/_ae_|\bae\b|a&e/i.test(file)) return 'ae';
  throw new Error(`${file}: cannot tell whether this is APC, OP or A&E from its name`);
}

/** Streams HES CSV files (dataset told by file name: hes_apc_*, hes_op_*, hes_ae_*) into spend rows. */
export async function deriveProgrammeSpend(files: string[]): Promise<SpendRow[]> {
  const costs = new ActivityCosts(loadTariff(), loadProgrammeCategories());
  for (const file of files) {
    const dataset = datasetOf(file);
    let header: string[] | null = null;
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (!line) continue;
      const cells = line.split(','); // HES extracts here are unquoted
      if (!header) { header = cells; continue; }
      costs.add(dataset, Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
    }
  }
  return costs.toSpend(loadNonHospitalShares());
}
