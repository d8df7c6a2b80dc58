/**
 * Column layouts and row formatters for the files the importers read: HES APC/OP/A&E with their real
 * column names (a subset of the 193/157/165 columns of the real extracts), record-level deaths,
 * population and births. Dates are YYYY-MM-DD; FYEAR is the HES String(4) code, e.g. 0809.
 */
import { isoDate } from './calendar.js';

const seq = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`);

export const APC_COLUMNS = ['FYEAR', 'EPIKEY', 'PSEUDO_HESID', 'ADMIDATE', 'DISDATE', 'EPISTART', 'EPIEND', 'EPIORDER', 'EPISTAT',
  'EPITYPE', 'EPIDUR', 'SPELDUR', 'ADMIMETH', 'ADMISORC', 'CLASSPAT', 'DISDEST', 'DISMETH', 'STARTAGE', 'SEX', 'LSOA01',
  'RESLADST', 'PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'GPPRAC', 'PROCODE3', 'MAINSPEF', 'TRETSPEF',
  ...seq('DIAG_4_', 20), 'DIAG_COUNT', ...seq('OPERTN_4_', 24), 'OPERTN_COUNT', 'SUSHRG', 'FAE', 'FCE'];
export const OP_COLUMNS = ['FYEAR', 'ATTENDKEY', 'PSEUDO_HESID', 'APPTDATE', 'APPTAGE', 'SEX', 'LSOA01', 'RESLADST',
  'PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'GPPRAC', 'ATTENDED', 'FIRSTATT', 'MAINSPEF', 'TRETSPEF', 'PROCODE3', 'SUSHRG'];
export const AE_COLUMNS = ['FYEAR', 'AEKEY', 'PSEUDO_HESID', 'ARRIVALDATE', 'ARRIVALTIME', 'ARRIVALAGE', 'SEX', 'LSOA01',
  'RESLADST', 'PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'GPPRAC', 'DEPDUR', 'AEATTENDDISP', 'AEARRIVALMODE', 'AEATTENDCAT',
  'PROCODE3', 'DIAG2_01', 'SUSHRG'];
export const DEATH_COLUMNS = ['person_id', 'date_of_death', 'age', 'sex', 'underlying_cause', 'lsoa01', 'pct_code'];
export const POPULATION_COLUMNS = ['year', 'area_code', 'area_name', 'sex', 'age_band', 'population'];
export const BIRTH_COLUMNS = ['year', 'lsoa01', 'pct_code', 'sex', 'births'];

/** Where a person lives and is registered: the residence and commissioner columns shared by every HES row. */
export interface AreaContext {
  lsoa: string; ladCode: string; ladName: string; pctCode: string; shaCode: string;
  gpPractice: string; mainProvider: string; otherProvider: string; deprivation: number;
  /** pre-joined `LSOA01,RESLADST,PCTCODE_HIS,RESPCT_HIS,RESSTHA_HIS,GPPRAC` */
  residence: string;
}

export function residenceFields(a: Omit<AreaContext, 'residence'>): string {
  return `${a.lsoa},${a.ladCode},${a.pctCode},${a.pctCode},${a.shaCode},${a.gpPractice}`;
}

export interface Spell {
  admiDay: number; disDay: number; admimeth: string; admisorc: string; classpat: string; disdest: string; dismeth: string;
  diagnoses: string[]; procedures: string[]; spef: string; hrg: string; provider: string;
}

const EMPTY_DIAG = ',,,,,,,,,,,,,,,,,,,'; // 19 commas = 20 empty fields joined
const DASHES = Array.from({ length: 24 }, () => '-');

export function apcRow(fyear: string, epikey: number, hesid: string, s: Spell, startAge: number, sex: number, a: AreaContext): string {
  const adm = isoDate(s.admiDay);
  const dis = isoDate(s.disDay);
  const dur = s.disDay - s.admiDay;
  const diag = s.diagnoses.length === 0 ? EMPTY_DIAG : s.diagnoses.join(',') + ','.repeat(20 - s.diagnoses.length);
  let ops: string;
  if (s.procedures.length === 0) ops = DASHES.join(',');
  else {
    const o = DASHES.slice();
    for (let i = 0; i < s.procedures.length && i < 24; i++) o[i] = s.procedures[i];
    ops = o.join(',');
  }
  const epitype = s.admimeth === '31' ? '2' : '1';
  return `${fyear},${epikey},${hesid},${adm},${dis},${adm},${dis},1,3,${epitype},${dur},${dur},${s.admimeth},${s.admisorc},${s.classpat},${s.disdest},${s.dismeth},${startAge},${sex},${a.residence},${s.provider},${s.spef},${s.spef},${diag},${s.diagnoses.length},${ops},${s.procedures.length},${s.hrg},1,1`;
}

export function opRow(fyear: string, key: number, hesid: string, day: number, age: number, sex: number, a: AreaContext,
  attended: string, firstatt: string, spef: string, provider: string, hrg: string): string {
  return `${fyear},${key},${hesid},${isoDate(day)},${age},${sex},${a.residence},${attended},${firstatt},${spef},${spef},${provider},${hrg}`;
}

export function aeRow(fyear: string, key: number, hesid: string, day: number, time: string, age: number, sex: number, a: AreaContext,
  depdur: number, disposal: string, arrivalMode: string, provider: string, diag: string, hrg: string): string {
  return `${fyear},${key},${hesid},${isoDate(day)},${time},${age},${sex},${a.residence},${depdur},${disposal},${arrivalMode},1,${provider},${diag},${hrg}`;
}
