// HES outpatients.
import { readFileSync } from 'node:fs';
import {
  ageCheck, codeCheck, dateCheck, fyearCheck, icdCheck, lsoaCheck, notNull, numbered, opcsCheck, sexCheck,
  hesColumns, type Check, type RecordSpec,
} from '../spec.ts';

const diagnoses = numbered('DIAG_4_', 12);
const procedures = numbered('OPERTN_4_', 24);
const required = ['FYEAR', 'ATTENDKEY', 'APPTDATE', 'APPTAGE', 'SEX', 'FIRSTATT', 'ATTENDED'];
const optional = [
  'PSEUDO_HESID', 'LSOA01', 'PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'PROCODE3', 'MAINSPEF', 'TRETSPEF',
  'SUSHRG', 'COST', ...diagnoses, ...procedures,
];

const checks: Check[] = [
  fyearCheck('FYEAR'),
  notNull('ATTENDKEY'),
  dateCheck('APPTDATE'),
  { column: 'APPTDATE', bad: `APPTDATE IS NULL OR wcc_is_date_sentinel(APPTDATE)`, reason: 'appointment date is required (blank or a HES null date)' },
  ageCheck('APPTAGE'),
  sexCheck('SEX'),
  { column: 'FIRSTATT', bad: `FIRSTATT IS NOT NULL AND FIRSTATT NOT IN ('1', '2', '3', '4', '5', '9', 'X')`, reason: 'unknown first attendance code' },
  { column: 'ATTENDED', bad: `ATTENDED IS NOT NULL AND ATTENDED NOT IN ('0', '2', '3', '4', '5', '6', '7', '9')`, reason: 'unknown attended code' },
  lsoaCheck('LSOA01'),
  ...['PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'PROCODE3'].map(codeCheck),
  ...diagnoses.map(icdCheck),
  ...procedures.map(opcsCheck),
  { column: 'COST', bad: `COST IS NOT NULL AND TRY_CAST(COST AS DOUBLE) IS NULL`, reason: 'not a number' },
];

export const opSpec: RecordSpec = {
  kind: 'hes-op',
  dataset: 'op',
  columns: hesColumns(required, optional),
  checks,
  transform: readFileSync(new URL('./op.sql', import.meta.url), 'utf8'),
};
