// Imports against a throwaway PostgreSQL and a temp warehouse: the shared real files import as they
// are, a corrupted copy writes nothing, --skip-invalid writes the valid rows and a reject file, a
// re-import is a no-op, and suppressed aggregates stay suppressed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestDatabase, type TestDatabase } from '../../platform/testing/test-database.ts';
import { openDuck } from '../duckdb.ts';
import { datasetDir, datasetGlob } from '../warehouse/schema.ts';
import { importFile, type ImportRequest } from './service.ts';
import { parseCsvLine } from './reference/imd.ts';

const SHARED = process.env.WCC_SHARED_DATA ?? join(import.meta.dirname, '../../../../shared/data');
const HES = join(SHARED, 'hes');

let tdb: TestDatabase;
let dataDir: string;
let scratch: string;

before(async () => {
  tdb = await startTestDatabase();
  dataDir = mkdtempSync(join(tmpdir(), 'wcc-import-data-'));
  scratch = mkdtempSync(join(tmpdir(), 'wcc-import-files-'));
});
after(async () => {
  await tdb?.stop();
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(scratch, { recursive: true, force: true });
});

const run = (req: Omit<ImportRequest, 'actor'>) => importFile({ db: tdb.db, dataDir }, { actor: null, createdBy: 'test', ...req });

async function parquetCount(dataset: Parameters<typeof datasetGlob>[1], importId: string): Promise<number> {
  const duck = await openDuck();
  try {
    const [row] = await duck.all<{ n: number }>(`SELECT count(*) AS n FROM read_parquet($1) WHERE import_id = $2`, [datasetGlob(dataDir, dataset), importId]);
    return row?.n ?? 0;
  } finally {
    duck.close();
  }
}

async function provenanceCount(): Promise<number> {
  const { rows } = await tdb.db.query('SELECT count(*)::int AS n FROM data_imports');
  return rows[0].n;
}

function countLines(file: string): number {
  return readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;
}

describe('HES files import as they are', () => {
  const cases = [
    ['hes-apc', 'artificial_hes_apc_0102.csv', 'apc'],
    ['hes-apc', 'artificial_hes_apc_0809_first23rows.csv', 'apc'],
    ['hes-op', 'artificial_hes_op_0304_first1000.csv', 'op'],
    ['hes-ae', 'artificial_hes_ae_0708_first1000.csv', 'ae'],
  ] as const;
  for (const [kind, name, dataset] of cases) {
    test(`${name} imports every row`, async () => {
      const file = join(HES, name);
      const expected = countLines(file);
      const r = await run({ kind, file });
      assert.equal(r.status, 'imported', r.errors.join('\n'));
      assert.equal(r.rowsRead, expected);
      assert.equal(r.rowsWritten, expected);
      assert.equal(await parquetCount(dataset, r.importId as string), expected);
    });
  }

  test('APC normalises HES conventions (sentinel dates, infant ages, sex, 4-character codes, FYEAR)', async () => {
    const { rows } = await tdb.db.query(`SELECT id FROM data_imports WHERE file_name = 'artificial_hes_apc_0809_first23rows.csv'`);
    const duck = await openDuck();
    try {
      const [s] = await duck.all<Record<string, number>>(`SELECT
          count(*) FILTER (WHERE fyear <> '2008-09') AS bad_fyear,
          count(*) FILTER (WHERE admission_date IS NULL) AS null_admission,
          count(*) FILTER (WHERE admission_date < DATE '1900-01-01') AS sentinel_left,
          count(*) FILTER (WHERE age = 0) AS infants,
          count(*) FILTER (WHERE sex NOT IN ('M', 'F')) AS bad_sex,
          count(*) FILTER (WHERE len(list_filter(diagnoses, d -> length(d) <> 4)) > 0) AS bad_diag,
          count(*) FILTER (WHERE list_contains(procedures, '-')) AS dash_procs
        FROM read_parquet($1) WHERE import_id = $2`, [datasetGlob(dataDir, 'apc'), rows[0].id]);
      assert.equal(s?.bad_fyear, 0);
      assert.equal(s?.null_admission, 3); // three rows carry 1801-01-01
      assert.equal(s?.sentinel_left, 0);
      assert.ok((s?.infants ?? 0) >= 1); // STARTAGE 7004.0 → 0
      assert.equal(s?.bad_sex, 0);
      assert.equal(s?.bad_diag, 0);
      assert.equal(s?.dash_procs, 0);
    } finally {
      duck.close();
    }
  });
});

describe('other HES encodings', () => {
  test('a Parquet file imports, and its errors name the row', async () => {
    const file = join(scratch, 'apc_0809.parquet');
    const duck = await openDuck();
    try {
      await duck.run(`COPY (SELECT * REPLACE (CASE WHEN EPIKEY = '69166046174' THEN '9' ELSE SEX END AS SEX)
        FROM read_csv($1, all_varchar = true)) TO '${file}' (FORMAT parquet)`, [join(HES, 'artificial_hes_apc_0809_first23rows.csv')]);
    } finally {
      duck.close();
    }
    const ok = await run({ kind: 'hes-apc', file });
    assert.equal(ok.status, 'imported', ok.errors.join('\n'));
    assert.equal(ok.rowsWritten, 23);
    const bad = join(scratch, 'apc_0809_bad.parquet');
    const duck2 = await openDuck();
    try {
      await duck2.run(`COPY (SELECT * REPLACE (CASE WHEN EPIKEY = '69166046174' THEN 'X' ELSE SEX END AS SEX)
        FROM read_csv($1, all_varchar = true)) TO '${bad}' (FORMAT parquet)`, [join(HES, 'artificial_hes_apc_0809_first23rows.csv')]);
    } finally {
      duck2.close();
    }
    const r = await run({ kind: 'hes-apc', file: bad, fileName: 'apc_0809_bad.parquet' });
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.errors, ['apc_0809_bad.parquet:8:SEX: sex must be 0, 1, 2, 9, M or F: X']);
  });

  test('a pipe-delimited extract (the NHS Digital layout) imports', async () => {
    const lines = readFileSync(join(HES, 'artificial_hes_ae_0708_first1000.csv'), 'utf8').trimEnd().split('\n').slice(0, 51);
    const file = join(scratch, 'hes_ae_0708.txt');
    writeFileSync(file, lines.map((l) => parseCsvLine(l).join('|')).join('\n') + '\n');
    const r = await run({ kind: 'hes-ae', file });
    assert.equal(r.status, 'imported', r.errors.join('\n'));
    assert.equal(r.rowsWritten, 50);
  });
});

describe('ONS, IMD and aggregate files import as they are', () => {
  test('ONS deaths and population', async () => {
    for (const [kind, name, dataset] of [['ons-deaths', 'ons_deaths_2014_by_la_age_sex.csv', 'ons_deaths'], ['ons-population', 'ons_mye2_population_2014_by_la_5yr_age_sex.csv', 'population']] as const) {
      const file = join(SHARED, 'mortality', name);
      const r = await run({ kind, file });
      assert.equal(r.status, 'imported', r.errors.join('\n'));
      assert.equal(r.rowsWritten, countLines(file));
      assert.equal(await parquetCount(dataset, r.importId as string), countLines(file));
    }
  });

  test('IMD 2007 places every small area in a PCT', async () => {
    const file = join(SHARED, 'reference', 'imd2007_lsoa01_england.csv');
    const r = await run({ kind: 'imd', file });
    assert.equal(r.status, 'imported', r.errors.join('\n'));
    assert.equal(r.rowsWritten, 32482);
    const { rows } = await tdb.db.query(`SELECT count(*)::int AS n, count(pct_code)::int AS placed, count(DISTINCT pct_code)::int AS pcts FROM lsoa01_areas`);
    assert.equal(rows[0].n, 32482);
    assert.equal(rows[0].placed, 32482);
    assert.ok(rows[0].pcts >= 148, `small areas fall in ${rows[0].pcts} PCTs`);
    const q = await tdb.db.query(`SELECT min(quintile)::int AS lo, max(quintile)::int AS hi FROM imd_lsoa01 WHERE imd_year = 2007`);
    assert.deepEqual([q.rows[0].lo, q.rows[0].hi], [1, 5]);
    const herts = await tdb.db.query(`SELECT pct_code FROM la_pct WHERE la_name IN ('Stevenage', 'Watford') ORDER BY la_name`);
    assert.deepEqual(herts.rows.map((x) => x.pct_code), ['5P3', '5P4']);
    // Birmingham's small areas are divided between its three PCTs, as the generator divides them.
    const brum = await tdb.db.query(`SELECT pct_code, count(*)::int AS n FROM lsoa01_areas WHERE la_code = '00CN' GROUP BY 1 ORDER BY 1`);
    assert.deepEqual(brum.rows.map((x) => x.pct_code), ['5M1', '5MX', '5PG']);
    assert.ok(brum.rows.every((x) => x.n > 150), JSON.stringify(brum.rows));
  });

  test('IMD 2010 scores and domain ranks files import', async () => {
    for (const name of ['imd2010_lsoa01_england_scores.csv', 'imd2010_lsoa01_england_domain_ranks.csv']) {
      const r = await run({ kind: 'imd', file: join(SHARED, 'reference', name) });
      assert.equal(r.status, 'imported', r.errors.join('\n'));
      assert.equal(r.rowsWritten, 32482);
    }
    const { rows } = await tdb.db.query(`SELECT count(*)::int AS n, count(score)::int AS scored FROM imd_lsoa01 WHERE imd_year = 2010`);
    assert.deepEqual([rows[0].n, rows[0].scored], [32482, 32482]);
  });

  test('HSCIC wide file: persons/male/female become breakdowns and SUPPRESSED stays suppressed', async () => {
    const file = join(SHARED, 'indicators', 'hscic_obesity_admissions_by_pct_2011_12.csv');
    const mapping = 'indicator_id=indicator,area_code=area_code,area_type=area_type,period=period,'
      + 'numerator.persons=count_persons,numerator.male=count_male,numerator.female=count_female,'
      + 'value.persons=rate_per_100k_persons,value.male=rate_per_100k_male,value.female=rate_per_100k_female';
    const r = await run({ kind: 'indicator-values', file, options: { mapping } });
    assert.equal(r.status, 'imported', r.errors.join('\n'));
    assert.equal(r.rowsWritten, countLines(file) * 3);
    const { rows } = await tdb.db.query(
      `SELECT breakdown, numerator, value, note FROM indicator_values
        WHERE indicator_id = 'fae_obesity_primary_dx' AND area_code = '5HG' AND period = '2011-12' ORDER BY breakdown`);
    assert.deepEqual(rows.map((x) => x.breakdown), ['female', 'male', 'persons']);
    const male = rows.find((x) => x.breakdown === 'male');
    assert.equal(male.numerator, null);
    assert.equal(male.value, null);
    assert.match(male.note, /suppressed: numerator SUPPRESSED/);
    const persons = rows.find((x) => x.breakdown === 'persons');
    assert.equal(persons.numerator, 11);
    assert.equal(persons.note, null);
    const zeros = await tdb.db.query(`SELECT count(*)::int AS n FROM indicator_values WHERE note LIKE 'suppressed%' AND (numerator = 0 OR value = 0)`);
    assert.equal(zeros.rows[0].n, 0);
  });

  test('APHO profile with an indicator id and CI columns', async () => {
    const file = join(SHARED, 'indicators', 'aphoprofile_Obeseadults_by_la.csv');
    const r = await run({ kind: 'indicator-values', file, options: {
      indicatorId: 'apho_obese_adults',
      mapping: 'area_code=ONS Code (new),period=Period,value=Indicator value,lower95=Lower 95% CI,upper95=Upper 95% CI,note=Significance',
    } });
    assert.equal(r.status, 'imported', r.errors.join('\n'));
    const { rows } = await tdb.db.query(`SELECT area_type, value, lower95_0cl, upper95_0cl FROM indicator_values WHERE indicator_id = 'apho_obese_adults' AND area_code = 'E92000001'`);
    assert.deepEqual(rows[0], { area_type: 'england', value: 24.2, lower95_0cl: 23.6, upper95_0cl: 24.7 });
  });
});

describe('invalid files', () => {
  function corruptApc(): string {
    const lines = readFileSync(join(HES, 'artificial_hes_apc_0809_first23rows.csv'), 'utf8').trimEnd().split('\n');
    const header = parseCsvLine(lines[0] as string);
    const set = (lineIndex: number, column: string, value: string) => {
      const cells = parseCsvLine(lines[lineIndex] as string);
      cells[header.indexOf(column)] = value;
      lines[lineIndex] = cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',');
    };
    set(3, 'ADMIDATE', '2008-13-45');
    set(5, 'SEX', '7');
    set(8, 'STARTAGE', 'old');
    lines.push(lines[1] as string); // a 24th row, valid
    const file = join(scratch, 'corrupt_apc_0809.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }

  test('a corrupted copy reports file:row:column: reason and writes nothing', async () => {
    const file = corruptApc();
    const before = await provenanceCount();
    const filesBefore = existsSync(datasetDir(dataDir, 'apc')) ? readdirSync(datasetDir(dataDir, 'apc')).length : 0;
    const r = await run({ kind: 'hes-apc', file, fileName: file });
    assert.equal(r.status, 'invalid');
    assert.equal(r.errorCount, 3);
    assert.deepEqual(r.errors, [
      `${file}:4:ADMIDATE: not a date (YYYY-MM-DD): 2008-13-45`,
      `${file}:6:SEX: sex must be 0, 1, 2, 9, M or F: 7`,
      `${file}:9:STARTAGE: age must be 0-120 or 7001-7007: old`,
    ]);
    assert.equal(await provenanceCount(), before);
    assert.equal(readdirSync(datasetDir(dataDir, 'apc')).length, filesBefore);
    assert.equal(existsSync(`${file}.rejects.csv`), false);
  });

  test('a missing required column is reported at row 1', async () => {
    const file = join(scratch, 'no_sex.csv');
    writeFileSync(file, 'FYEAR,EPIKEY,ADMIDATE,EPISTART,ADMIMETH,STARTAGE,DIAG_4_01\n0809,1,2008-05-01,2008-05-01,21,40,I10X\n');
    const r = await run({ kind: 'hes-apc', file, fileName: 'no_sex.csv' });
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.errors, ['no_sex.csv:1:SEX: missing column']);
  });

  test('--skip-invalid writes the valid rows and a reject file beside the input', async () => {
    const file = corruptApc().replace('.csv', '_skip.csv');
    writeFileSync(file, readFileSync(join(scratch, 'corrupt_apc_0809.csv')));
    const r = await run({ kind: 'hes-apc', file, skipInvalid: true });
    assert.equal(r.status, 'imported');
    assert.equal(r.rowsRead, 24);
    assert.equal(r.rowsRejected, 3);
    assert.equal(r.rowsWritten, 21);
    assert.equal(await parquetCount('apc', r.importId as string), 21);
    assert.equal(r.rejectFile, `${file}.rejects.csv`);
    const rejects = readFileSync(`${file}.rejects.csv`, 'utf8').trimEnd().split('\n');
    assert.equal(rejects.length, 4); // header + 3 rows
    assert.match(rejects[0] as string, /^_line,_errors,FYEAR,/);
    assert.match(rejects[1] as string, /^4,ADMIDATE: not a date/);
    const { rows } = await tdb.db.query('SELECT rows_rejected::int AS n, reject_file FROM data_imports WHERE id = $1', [r.importId]);
    assert.deepEqual(rows[0], { n: 3, reject_file: `${file}.rejects.csv` });
  });

  test('re-importing the same file as the same kind changes nothing and says so', async () => {
    const file = join(HES, 'artificial_hes_ae_0708_first1000.csv');
    const before = await provenanceCount();
    const files = readdirSync(datasetDir(dataDir, 'ae')).length;
    const r = await run({ kind: 'hes-ae', file });
    assert.equal(r.status, 'unchanged');
    assert.match(r.message, /already imported as/);
    assert.equal(await provenanceCount(), before);
    assert.equal(readdirSync(datasetDir(dataDir, 'ae')).length, files);
  });
});

describe('record-level deaths and births (our documented CSVs)', () => {
  test('deaths normalise cause codes and derive year and financial year', async () => {
    const file = join(scratch, 'deaths.csv');
    writeFileSync(file, [
      'person_id,date_of_death,age,sex,underlying_cause,lsoa01,pct_code',
      'P1,2008-05-17,78,M,I21.9,E01000001,5K7',
      'P2,2009-02-01,0,2,X70,E01000002,5K7',
      ',2009-04-01,,9,C349,,',
    ].join('\n'));
    const r = await run({ kind: 'deaths', file });
    assert.equal(r.status, 'imported', r.errors.join('\n'));
    const duck = await openDuck();
    try {
      const rows = await duck.all(`SELECT underlying_cause, year, fyear, sex, age FROM read_parquet($1) ORDER BY date_of_death`, [datasetGlob(dataDir, 'deaths')]);
      assert.deepEqual(rows, [
        { underlying_cause: 'I219', year: 2008, fyear: '2008-09', sex: 'M', age: 78 },
        { underlying_cause: 'X70X', year: 2009, fyear: '2008-09', sex: 'F', age: 0 },
        { underlying_cause: 'C349', year: 2009, fyear: '2009-10', sex: null, age: null },
      ]);
    } finally {
      duck.close();
    }
  });

  test('births reject a negative count', async () => {
    const file = join(scratch, 'births.csv');
    writeFileSync(file, 'year,lsoa01,pct_code,sex,births\n2008,E01000001,5K7,M,12\n2008,E01000001,5K7,F,-1\n');
    const r = await run({ kind: 'births', file, fileName: 'births.csv' });
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.errors, ['births.csv:3:births: must be a whole number 0-10000000: -1']);
  });
});
