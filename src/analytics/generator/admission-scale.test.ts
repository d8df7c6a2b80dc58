import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsvRecords } from './csv-lines.js';
import { generateEngland } from './generate-england.js';
import { loadReferenceData } from './reference-data.js';

const ref = loadReferenceData();

test('--admission-scale multiplies emergency and elective admissions (and the true risk) but not maternity, deaths or the population', () => {
  const run = (admissionScale?: number) => {
    const dir = mkdtempSync(join(tmpdir(), 'wcc-gen-scale-'));
    const r = generateEngland({ people: 20_000, firstYear: 2008, lastYear: 2008, seed: 21, outDir: dir, reference: ref, admissionScale });
    const apc = readCsvRecords(join(dir, 'hes_apc_0809.csv'));
    const people = readCsvRecords(join(dir, 'ground_truth_people.csv'));
    const out = {
      hashes: r.files.map((f) => f.sha256),
      emergency: apc.filter((a) => a.ADMIMETH.startsWith('2')).length,
      elective: apc.filter((a) => a.ADMIMETH.startsWith('1')).length,
      maternity: apc.filter((a) => a.ADMIMETH === '31').length,
      meanRisk: people.reduce((s, p) => s + Number(p.p_emergency_2008 || 0), 0) / people.length,
      population: readCsvRecords(join(dir, 'population_2008.csv')).reduce((s, p) => s + Number(p.population), 0),
    };
    rmSync(dir, { recursive: true, force: true });
    return out;
  };
  const base = run();
  assert.deepEqual(run(1).hashes, base.hashes, 'scale 1 is the calibrated default, byte for byte');
  const more = run(1.3);
  for (const k of ['emergency', 'elective'] as const) {
    const ratio = more[k] / base[k];
    assert.ok(ratio > 1.2 && ratio < 1.4, `${k}: ${more[k]} / ${base[k]} = ${ratio.toFixed(3)}`);
  }
  assert.ok(more.meanRisk > base.meanRisk * 1.15, `mean true risk ${more.meanRisk} vs ${base.meanRisk}`);
  assert.ok(Math.abs(more.maternity - base.maternity) <= Math.max(10, base.maternity * 0.25), `maternity ${more.maternity} vs ${base.maternity}`);
  assert.ok(Math.abs(more.population - base.population) / base.population < 0.01);
});
