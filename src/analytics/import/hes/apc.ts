// HES admitted patient care (NHS Digital format; the artificial HES files import as they are).
import { readFileSync } from 'node:fs';
import {
  ageCheck, codeCheck, dateCheck, fyearCheck, icdCheck, intCheck, lsoaCheck, notNull, numbered, opcsCheck, sexCheck,
  hesColumns, type Check, type RecordSpec,
} from '../spec.ts';

const ADMISSION_METHODS = [
  '11', '12', '13', '21', '22', '23', '24', '25', '28', '2A', '2B', '2C', '2D', '31', '32',
  '81', '82', '83', '84', '89', '98', '99',
];

const diagnoses = numbered('DIAG_4_', 20);
const procedures = numbered('OPERTN_4_', 24);
const required = ['FYEAR', 'EPIKEY', 'ADMIDATE', 'EPISTART', 'ADMIMETH', 'STARTAGE', 'SEX', 'DIAG_4_01'];
const optional = [
  'PSEUDO_HESID', 'DISDATE', 'EPIEND', 'EPIORDER', 'ADMISORC', 'CLASSPAT', 'LSOA01', 'PCTCODE_HIS', 'RESPCT_HIS',
  'RESSTHA_HIS', 'PROCODE3', 'MAINSPEF', 'TRETSPEF', 'DISMETH', 'DISDEST', 'SPELDUR', 'EPIDUR', 'SUSHRG', 'HRG40',
  'COST', ...diagnoses.slice(1), ...procedures,
];

const checks: Check[] = [
  fyearCheck('FYEAR'),
  notNull('EPIKEY'),
  ...['ADMIDATE', 'DISDATE', 'EPISTART', 'EPIEND'].map(dateCheck),
  intCheck('EPIORDER', 1, 99),
  { column: 'ADMIMETH', bad: `ADMIMETH IS NOT NULL AND upper(ADMIMETH) NOT IN (${ADMISSION_METHODS.map((m) => `'${m}'`).join(', ')})`, reason: 'unknown admission method (ADMIMETH)' },
  { column: 'CLASSPAT', bad: `CLASSPAT IS NOT NULL AND CLASSPAT NOT IN ('1', '2', '3', '4', '5', '8', '9')`, reason: 'unknown patient classification' },
  ageCheck('STARTAGE'),
  sexCheck('SEX'),
  lsoaCheck('LSOA01'),
  ...['PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'PROCODE3'].map(codeCheck),
  ...diagnoses.map(icdCheck),
  ...procedures.map(opcsCheck),
  intCheck('SPELDUR', 0, 40000),
  intCheck('EPIDUR', 0, 40000),
  { column: 'COST', bad: `COST IS NOT NULL AND TRY_CAST(COST AS DOUBLE) IS NULL`, reason: 'not a number' },
];

export const apcSpec: RecordSpec = {
  kind: 'hes-apc',
  dataset: 'apc',
  columns: hesColumns(required, optional),
  checks,
  transform: readFileSync(new URL('./apc.sql', import.meta.url), 'utf8'),
};
