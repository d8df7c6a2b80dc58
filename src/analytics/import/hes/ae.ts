// HES A&E attendances.
import { readFileSync } from 'node:fs';
import {
  ageCheck, codeCheck, dateCheck, fyearCheck, intCheck, lsoaCheck, notNull, numbered, sexCheck,
  hesColumns, type Check, type RecordSpec,
} from '../spec.ts';

const required = ['FYEAR', 'AEKEY', 'ARRIVALDATE', 'ARRIVALAGE', 'SEX'];
const optional = [
  'PSEUDO_HESID', 'ARRIVALTIME', 'LSOA01', 'PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'PROCODE3', 'AEDEPTTYPE',
  'AEATTENDCAT', 'AEATTENDDISP', 'DEPDUR', 'SUSHRG', 'COST',
  ...numbered('DIAG3_', 6), ...numbered('DIAG2_', 3), ...numbered('DIAGA_', 6),
];

const checks: Check[] = [
  fyearCheck('FYEAR'),
  notNull('AEKEY'),
  dateCheck('ARRIVALDATE'),
  { column: 'ARRIVALDATE', bad: `ARRIVALDATE IS NULL OR wcc_is_date_sentinel(ARRIVALDATE)`, reason: 'arrival date is required (blank or a HES null date)' },
  { column: 'ARRIVALTIME', bad: `ARRIVALTIME IS NOT NULL AND NOT regexp_matches(ARRIVALTIME, '^([01][0-9]|2[0-3])[0-5][0-9]$')`, reason: 'not a time (HHMM)' },
  ageCheck('ARRIVALAGE'),
  sexCheck('SEX'),
  lsoaCheck('LSOA01'),
  ...['PCTCODE_HIS', 'RESPCT_HIS', 'RESSTHA_HIS', 'PROCODE3'].map(codeCheck),
  intCheck('DEPDUR', 0, 100000),
  { column: 'COST', bad: `COST IS NOT NULL AND TRY_CAST(COST AS DOUBLE) IS NULL`, reason: 'not a number' },
];

export const aeSpec: RecordSpec = {
  kind: 'hes-ae',
  dataset: 'ae',
  columns: hesColumns(required, optional),
  checks,
  transform: readFileSync(new URL('./ae.sql', import.meta.url), 'utf8'),
};
