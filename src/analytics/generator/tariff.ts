/**
 * HRG-like tariff groups (data/tariff.csv, editable): cost per spell or attendance, plus an excess
 * bed-day payment beyond the trim point. Used to cost activity (SUSHRG carries the group code).
 */
import { join } from 'node:path';
import { readCsvRecords } from './csv-lines.js';
import { GENERATOR_DATA_DIR } from './reference-data.js';

export interface TariffRow { hrg: string; description: string; setting: string; programme: string; cost: number; trimDays: number; excessBedDay: number }

export function loadTariff(file = join(GENERATOR_DATA_DIR, 'tariff.csv')): Map<string, TariffRow> {
  const rows = readCsvRecords(file).map((r) => ({
    hrg: r.hrg, description: r.description, setting: r.setting, programme: r.programme,
    cost: Number(r.cost), trimDays: Number(r.trim_days), excessBedDay: Number(r.excess_bed_day),
  }));
  return new Map(rows.map((r) => [r.hrg, r]));
}

/** Cost of an admitted spell of `los` days in a tariff group (day cases are charged 80% of the spell). */
export function spellCost(t: TariffRow, los: number, dayCase: boolean): number {
  const base = dayCase ? t.cost * 0.8 : t.cost;
  return base + Math.max(0, los - t.trimDays) * t.excessBedDay;
}
