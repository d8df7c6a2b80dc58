// Index of Multiple Deprivation per LSOA 2001 (imd2007_lsoa01_england.csv, imd2010_lsoa01_*.csv).
// The PCT of each small area comes from its LA through the built-in LA → PCT table; an LA split between
// PCTs (Birmingham) is divided by the same small-area rule the generator uses (smallAreaPctSql).
import { intCheck, lsoaCheck, notNull, type RecordSpec } from '../spec.ts';
import { sqlLiteral } from '../../duckdb.ts';
import { BUILTIN_LA_PCT } from './la-pct.ts';
import { readLaPct, smallAreaPctSql } from '../../reference-data/la-pct.ts';
import { upsertImd, upsertLaPct, type ImdRow, type LaPctRow } from './repo.ts';

/** The IMD year from an option or the file name (imd2007_…, imd2010_…). */
export function imdYearOf(fileName: string, option?: number): number | null {
  if (option !== undefined) return option;
  const m = /imd[_-]?(20\d\d)/i.exec(fileName);
  return m ? Number(m[1]) : null;
}

export function imdSpec(year: number): RecordSpec {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new Error(`bad IMD year ${year}`);
  return {
    kind: 'imd',
    dataset: 'imd',
    columns: [
      { name: 'lsoa01_code', required: true, aliases: ['lsoa01', 'lsoa_code'] },
      { name: 'lad_code', required: false, aliases: ['lad07_code', 'lad09_code', 'la_code'] },
      { name: 'lad_name', required: false, aliases: ['lad07_name', 'lad09_name', 'la_name'] },
      { name: 'IMD_score', required: false, aliases: ['score'] },
      { name: 'IMD_rank', required: true, aliases: ['rank'] },
      { name: 'IMD_decile', required: true, aliases: ['decile'] },
    ],
    checks: [
      notNull('lsoa01_code'),
      lsoaCheck('lsoa01_code'),
      { column: 'IMD_score', bad: `IMD_score IS NOT NULL AND TRY_CAST(IMD_score AS DOUBLE) IS NULL`, reason: 'not a number' },
      notNull('IMD_rank'),
      intCheck('IMD_rank', 1, 100000),
      notNull('IMD_decile'),
      intCheck('IMD_decile', 1, 10),
    ],
    transform: `SELECT ${year} AS imd_year, upper(lsoa01_code) AS lsoa01, upper(lad_code) AS la_code, lad_name AS la_name,
        ${smallAreaPctSql('lp', 'upper(lad_code)', 'upper(lsoa01_code)')} AS pct_code, TRY_CAST(IMD_score AS DOUBLE) AS score, wcc_int(IMD_rank) AS rank,
        wcc_int(IMD_decile) AS decile, CAST(ceil(wcc_int(IMD_decile) / 2) AS INTEGER) AS quintile
      FROM valid_rows
      LEFT JOIN read_csv(${sqlLiteral(BUILTIN_LA_PCT)}, all_varchar = true) lp ON lp.la_code = upper(lad_code)`,
    land: async (client, rows, importId) => {
      await upsertLaPct(client, builtinLaPct());
      return upsertImd(client, rows as unknown as ImdRow[], importId);
    },
  };
}

/** The built-in LA → PCT table as the importer stores it (src/analytics/reference-data/la-pct-2008.csv). */
export function builtinLaPct(): LaPctRow[] {
  return readLaPct().map((e) => ({ la_code: e.laCode, la_name: e.laName, la_ons_code: e.laOnsCode, pct_code: e.pctCode, match: e.match }));
}

/** One CSV line with optional double quotes (the data file is ours and simple). */
export { splitLine as parseCsvLine } from '../../reference-data/la-pct.ts';
