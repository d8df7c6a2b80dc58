// Population pyramid of an area: persons by sex and five-year age band from the warehouse's population
// Parquet (DuckDB), the area's small areas summed (or the area's own rows when the file has them),
// each band as a share of the area's population beside England's shares.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { listValue } from '@duckdb/node-api';
import { openDuck } from '../analytics/duckdb.ts';
import { datasetDir } from '../analytics/warehouse/schema.ts';
import { hasParquet } from '../analytics/indicators/warehouse-views.ts';
import { findArea, type AreaRef } from './profile-service.ts';
import { periodYear } from './model-types.ts';

export interface PyramidBand { ageLower: number; band: string; sex: 'M' | 'F'; population: number; share: number; englandShare: number | null }
export interface PyramidView { area: AreaRef; year: number; total: number; bands: PyramidBand[] }

const bandName = (lower: number) => (lower >= 90 ? '90+' : `${lower}-${lower + 4}`);

export async function pyramidOf(db: Db, dataDir: string, code: string, period?: string): Promise<PyramidView> {
  const area = await findArea(db, code);
  if (!hasParquet(dataDir, 'population')) throw new AppError('not_found', 'No population has been imported yet.');
  const { rows } = await db.query(
    `SELECT lsoa01 FROM lsoa01_areas a WHERE $1 = 'england' OR a.pct_code = $2
       OR a.pct_code IN (SELECT child_code FROM organisation_hierarchy WHERE parent_code = $2)`, [area.type, area.code]);
  const lsoas = rows.map((r) => r.lsoa01 as string);
  const duck = await openDuck({ threads: 1, memoryLimit: '512MB' });
  try {
    const glob = `${datasetDir(dataDir, 'population')}/*.parquet`.replaceAll("'", "''");
    await duck.run(`CREATE VIEW pop AS SELECT year, area_code, area_type, sex, age_lower, population FROM read_parquet('${glob}', union_by_name = true)
      WHERE age_band <> 'all' AND sex IN ('M', 'F')`);
    const years = await duck.all<{ year: number }>(`SELECT DISTINCT year FROM pop ORDER BY year`);
    if (!years.length) throw new AppError('not_found', 'The population files have no age bands by sex.');
    const wanted = period ? periodYear(period) : years.at(-1)!.year;
    const year = years.some((y) => y.year === wanted) ? wanted : years.at(-1)!.year;
    const grouped = (where: string) => `SELECT sex, least(floor(age_lower / 5) * 5, 90)::INTEGER AS lower, sum(population) AS n FROM pop WHERE year = ${year} AND (${where}) GROUP BY ALL`;
    await duck.run('CREATE TABLE wanted (code VARCHAR)');
    if (lsoas.length) await duck.run('INSERT INTO wanted SELECT unnest($1::VARCHAR[])', [listValue(lsoas)]);
    const own = await duck.all<{ sex: 'M' | 'F'; lower: number; n: number }>(
      `${grouped(`area_code = $code OR (area_type = 'lsoa01' AND area_code IN (SELECT code FROM wanted) AND NOT EXISTS (SELECT 1 FROM pop WHERE area_code = $code))`)}`, { code: area.code });
    const eng = await duck.all<{ sex: 'M' | 'F'; lower: number; n: number }>(grouped(`area_type = 'lsoa01'`));
    const total = own.reduce((s, r) => s + Number(r.n), 0);
    if (!total) throw new AppError('not_found', `No population for ${area.code} in ${year}.`);
    const engTotal = eng.reduce((s, r) => s + Number(r.n), 0);
    const engBy = new Map(eng.map((r) => [`${r.sex}|${r.lower}`, Number(r.n)]));
    const bands = own.map((r) => ({
      ageLower: r.lower, band: bandName(r.lower), sex: r.sex, population: Number(r.n), share: Number(r.n) / total,
      englandShare: engTotal ? (engBy.get(`${r.sex}|${r.lower}`) ?? 0) / engTotal : null,
    })).sort((a, b) => a.ageLower - b.ageLower || a.sex.localeCompare(b.sex));
    return { area, year, total, bands };
  } finally {
    duck.close();
  }
}
