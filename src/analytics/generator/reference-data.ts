/**
 * Loads the real reference data the generator populates England from: the 152 PCTs of 2008/09 under
 * their 10 SHAs, the 32,482 LSOA01 small areas with IMD 2007/2010 scores placed in PCTs through their
 * local authority (the LA → PCT table the importers use too: src/analytics/reference-data/la-pct-2008.csv),
 * and the ONS 2014 England population and deaths by age and sex.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readCsvRecords } from './csv-lines.js';
import { pctOfSmallArea, readLaPct, type LaPctEntry } from '../reference-data/la-pct.js';

export const AGE_BANDS = ['0-4', '5-9', '10-14', '15-19', '20-24', '25-29', '30-34', '35-39', '40-44', '45-49',
  '50-54', '55-59', '60-64', '65-69', '70-74', '75-79', '80-84', '85-89', '90+'] as const;

export interface Pct { code: string; name: string; shaCode: string; shaName: string; index: number }
export interface SmallArea {
  lsoa: string; ladCode: string; ladName: string; pctCode: string;
  imd2007: number; imd2010: number;
  /** national deprivation position in [-0.5, 0.5]: -0.5 least deprived, +0.5 most deprived (IMD 2007 rank) */
  deprivation: number;
}
export interface OnsEngland {
  /** population by sex (0 male, 1 female) and band index of AGE_BANDS */
  population: number[][];
  /** central death rates per person-year: band index 0 is split into under-1 and 1-4 (see mortalityRate) */
  deathRate: number[][];
  infantRate: number[];
  childRate1to4: number[];
}
export interface ReferenceData { pcts: Pct[]; areas: SmallArea[]; ons: OnsEngland; laPct: LaPctEntry[] }

const here = dirname(fileURLToPath(import.meta.url));
export const GENERATOR_DATA_DIR = join(here, 'data');

/** Where the shared public data lives: WCC_SHARED_DATA, else ../shared/data beside the repository. */
export function sharedDataDir(): string {
  const fromEnv = process.env.WCC_SHARED_DATA;
  if (fromEnv) return fromEnv;
  const candidate = resolve(here, '../../../../shared/data');
  return existsSync(candidate) ? candidate : '/work/shared/data';
}

export function loadPcts2008(dir = sharedDataDir()): Pct[] {
  const rows = readCsvRecords(join(dir, 'reference/pct_sha_lookup_2006_2013.csv'));
  return rows
    .filter((r) => r.pct_code !== '5QV')
    .map((r) => ({ code: r.pct_code, name: r.pct_name, shaCode: r.sha_code, shaName: r.sha_name, index: 0 }))
    .sort((a, b) => (a.shaCode + a.code).localeCompare(b.shaCode + b.code))
    .map((p, i) => ({ ...p, index: i }));
}

function loadAreas(dir: string, laPct: LaPctEntry[], pctOrder: Map<string, number>): SmallArea[] {
  const imd07 = readCsvRecords(join(dir, 'reference/imd2007_lsoa01_england.csv'));
  const imd10 = new Map(readCsvRecords(join(dir, 'reference/imd2010_lsoa01_england_scores.csv')).map((r) => [r.lsoa01_code, Number(r.IMD_score)]));
  const n = imd07.length;
  const byLa = new Map<string, Record<string, string>[]>();
  for (const r of imd07) {
    const list = byLa.get(r.lad07_code) ?? [];
    list.push(r);
    byLa.set(r.lad07_code, list);
  }
  const areas: SmallArea[] = [];
  const entries = new Map(laPct.map((e) => [e.laCode, e]));
  for (const [la, list] of byLa) {
    const entry = entries.get(la);
    if (!entry) throw new Error(`no PCT mapping for local authority ${la}`);
    if (!pctOrder.has(entry.pctCode) || entry.splitPctCodes.some((p) => !pctOrder.has(p))) throw new Error(`local authority ${la} maps to a PCT outside the 2008/09 set`);
    list.sort((a, b) => a.lsoa01_code.localeCompare(b.lsoa01_code));
    list.forEach((r, i) => {
      areas.push({
        lsoa: r.lsoa01_code, ladCode: la, ladName: r.lad07_name, pctCode: pctOfSmallArea(entry, i, list.length),
        imd2007: Number(r.IMD_score), imd2010: imd10.get(r.lsoa01_code) ?? Number(r.IMD_score),
        // rank 1 = most deprived
        deprivation: 0.5 - (Number(r.IMD_rank) - 0.5) / n,
      });
    });
  }
  return areas.sort((a, b) => (pctOrder.get(a.pctCode)! - pctOrder.get(b.pctCode)!) || a.lsoa.localeCompare(b.lsoa));
}

export function loadOnsEngland(dir = sharedDataDir()): OnsEngland {
  const sexIndex = (s: string) => (s === 'Male' ? 0 : s === 'Female' ? 1 : -1);
  const population = [new Array(19).fill(0), new Array(19).fill(0)];
  for (const r of readCsvRecords(join(dir, 'mortality/ons_mye2_population_2014_by_la_5yr_age_sex.csv'))) {
    const b = AGE_BANDS.indexOf(r.age_band as (typeof AGE_BANDS)[number]);
    if (r.area_code === 'E92000001' && b >= 0 && sexIndex(r.sex) >= 0) population[sexIndex(r.sex)][b] = Number(r.population);
  }
  const deaths = [new Array(19).fill(0), new Array(19).fill(0)];
  const under1 = [0, 0];
  const oneTo4 = [0, 0];
  for (const r of readCsvRecords(join(dir, 'mortality/ons_deaths_2014_by_la_age_sex.csv'))) {
    if (r.area_code !== 'E92000001' || sexIndex(r.sex) < 0) continue;
    const s = sexIndex(r.sex);
    if (r.age_band === 'Under 1') under1[s] = Number(r.deaths);
    else if (r.age_band === '1-4') oneTo4[s] = Number(r.deaths);
    else {
      const b = AGE_BANDS.indexOf(r.age_band as (typeof AGE_BANDS)[number]);
      if (b >= 0) deaths[s][b] = Number(r.deaths);
    }
  }
  for (const s of [0, 1]) deaths[s][0] = under1[s] + oneTo4[s];
  const deathRate = deaths.map((d, s) => d.map((x, b) => x / population[s][b]));
  return {
    population, deathRate,
    infantRate: [0, 1].map((s) => under1[s] / (population[s][0] / 5)),
    childRate1to4: [0, 1].map((s) => oneTo4[s] / ((population[s][0] * 4) / 5)),
  };
}

export function loadReferenceData(dir = sharedDataDir()): ReferenceData {
  const pcts = loadPcts2008(dir);
  const laPct = readLaPct();
  const order = new Map(pcts.map((p) => [p.code, p.index]));
  return { pcts, areas: loadAreas(dir, laPct, order), ons: loadOnsEngland(dir), laPct };
}

/** Annual central death rate for an exact age (ONS 2014 England). */
export function mortalityRate(ons: OnsEngland, sex: number, age: number): number {
  if (age < 1) return ons.infantRate[sex];
  if (age < 5) return ons.childRate1to4[sex];
  return ons.deathRate[sex][Math.min(18, Math.floor(age / 5))];
}

export function ageBandIndex(age: number): number {
  return Math.min(18, Math.floor(age / 5));
}
