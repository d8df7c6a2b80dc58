// LA → PCT (2008/09): the data file src/analytics/reference-data/la-pct-2008.csv, shared with the
// synthetic England generator (one source of truth; see src/analytics/reference-data/la-pct.ts), built
// from names (most PCTs are coterminous with one LA; ' PCT' removed), counties (a county PCT takes every
// district of its old two-digit county code) and explicit exceptions (match = 'explicit' / 'split').
import { LA_PCT_FILE } from '../../reference-data/la-pct.ts';
import { codeCheck, notNull, type RecordSpec } from '../spec.ts';
import { upsertLaPct, type LaPctRow } from './repo.ts';

export const BUILTIN_LA_PCT = LA_PCT_FILE;

export const laPctSpec: RecordSpec = {
  kind: 'la-pct',
  dataset: null,
  columns: [
    { name: 'la_code', required: true },
    { name: 'la_name', required: true },
    { name: 'la_ons_code', required: false },
    { name: 'pct_code', required: true },
    { name: 'match', required: false },
  ],
  checks: [
    notNull('la_code'), notNull('la_name'), notNull('pct_code'), codeCheck('la_code'), codeCheck('pct_code'),
    { column: 'match', bad: `match IS NOT NULL AND match NOT IN ('name', 'county', 'explicit', 'split')`, reason: 'match must be name, county, explicit or split' },
  ],
  transform: `SELECT upper(la_code) AS la_code, la_name, la_ons_code, upper(pct_code) AS pct_code,
      coalesce(match, 'explicit') AS match FROM valid_rows`,
  land: (client, rows) => upsertLaPct(client, rows as unknown as LaPctRow[]),
};
