import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvRecords } from './csv-lines.js';
import { generateEngland } from './generate-england.js';
import { AGE_BANDS, loadReferenceData } from './reference-data.js';

const ref = loadReferenceData();
const dir = mkdtempSync(join(tmpdir(), 'wcc-gen-cal-'));
generateEngland({ people: 250_000, firstYear: 2008, lastYear: 2008, seed: 7, outDir: dir, reference: ref });
const band = (age: number) => AGE_BANDS[Math.min(18, Math.floor(age / 5))];

test('all-cause death rates by age band match ONS 2014 England within sampling error', () => {
  const pop = new Map<string, number>();
  for (const r of readCsvRecords(join(dir, 'population_2008.csv'))) pop.set(`${r.sex}|${r.age_band}`, (pop.get(`${r.sex}|${r.age_band}`) ?? 0) + Number(r.population));
  const deaths = new Map<string, number>();
  for (const d of readCsvRecords(join(dir, 'deaths_2008.csv'))) {
    const k = `${d.sex === '1' ? 'Male' : 'Female'}|${band(Number(d.age))}`;
    deaths.set(k, (deaths.get(k) ?? 0) + 1);
  }
  let checked = 0;
  for (const [s, sex] of ['Male', 'Female'].entries()) {
    for (let b = 5; b < 19; b++) {
      const k = `${sex}|${AGE_BANDS[b]}`;
      const expected = ref.ons.deathRate[s][b] * (pop.get(k) ?? 0);
      if (expected < 30) continue;
      const observed = deaths.get(k) ?? 0;
      const zscore = (observed - expected) / Math.sqrt(expected);
      assert.ok(Math.abs(zscore) < 4.5, `${k}: observed ${observed}, expected ${expected.toFixed(1)} (z=${zscore.toFixed(2)})`);
      checked++;
    }
  }
  assert.ok(checked >= 12, `checked ${checked} bands`);
});

test('PCTs marked "worse" in the ground truth really have higher emergency admission rates than "better" ones', () => {
  const truth = readCsvRecords(join(dir, 'ground_truth_pct.csv'));
  const cls = new Map(truth.map((t) => [t.pct_code, t.health_class]));
  const pctOf = new Map(ref.areas.map((a) => [a.lsoa, a.pctCode]));
  const people = new Map<string, number>();
  for (const r of readCsvRecords(join(dir, 'population_2008.csv'))) {
    const pct = pctOf.get(r.area_code);
    if (pct) people.set(cls.get(pct)!, (people.get(cls.get(pct)!) ?? 0) + Number(r.population));
  }
  const em = new Map<string, number>();
  for (const r of readCsvRecords(join(dir, 'hes_apc_0809.csv'))) if (r.ADMIMETH.startsWith('2')) em.set(cls.get(r.PCTCODE_HIS)!, (em.get(cls.get(r.PCTCODE_HIS)!) ?? 0) + 1);
  const rate = (c: string) => (em.get(c) ?? 0) / (people.get(c) ?? 1);
  assert.ok(rate('worse') > rate('average') && rate('average') > rate('better'), `rates ${rate('worse')} ${rate('average')} ${rate('better')}`);
  assert.ok(rate('worse') / rate('better') > 1.3);
});

test('people flagged truly high risk have far more emergency admissions than the rest', () => {
  const flagged = new Set(readCsvRecords(join(dir, 'ground_truth_people.csv')).filter((p) => p.true_high_risk === '1').map((p) => p.person_id));
  assert.ok(flagged.size > 50);
  const counts = new Map<string, number>();
  for (const r of readCsvRecords(join(dir, 'hes_apc_0809.csv'))) if (r.ADMIMETH.startsWith('2')) counts.set(r.PSEUDO_HESID, (counts.get(r.PSEUDO_HESID) ?? 0) + 1);
  let inFlagged = 0;
  let total = 0;
  for (const [id, n] of counts) { total += n; if (flagged.has(id)) inFlagged += n; }
  const share = flagged.size / 250_000;
  assert.ok(inFlagged / total > 5 * share, `flagged ${share} of people have ${inFlagged / total} of emergency admissions`);
});
