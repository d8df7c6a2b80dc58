/**
 * Orchestrates the synthetic England: PCT by PCT, small area by small area, person by person, writing
 * every dataset through buffered sinks (memory stays bounded whatever N is), then the ground truth,
 * the tariff and a manifest with row counts and SHA-256 of every file.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hesFyear } from './calendar.js';
import { csvField } from './csv-lines.js';
import { ConditionPicker } from './condition-picker.js';
import { CsvSink, type SinkSummary } from './csv-sink.js';
import { APC_COLUMNS, AE_COLUMNS, BIRTH_COLUMNS, DEATH_COLUMNS, OP_COLUMNS, POPULATION_COLUMNS, residenceFields, type AreaContext } from './hes-rows.js';
import { drawPctEffects, type PctEffect } from './pct-effects.js';
import { Rng } from './prng.js';
import { AGE_BANDS, GENERATOR_DATA_DIR, loadReferenceData, type ReferenceData, type SmallArea } from './reference-data.js';
import { simulatePerson, type AreaState, type SimOutputs } from './simulate-person.js';
import { dayOf } from './calendar.js';
import { writeGroundTruthPct } from './ground-truth.js';

export interface GenerateOptions {
  people: number; firstYear: number; lastYear: number; seed: number; outDir: string;
  onProgress?: (done: number, total: number, pctCode: string) => void;
  reference?: ReferenceData;
  /** generate only these PCTs (index range in PCT order) — used by parallel workers */
  pctRange?: [number, number];
  /** write ground_truth_pct.csv and tariff.csv (default true; parallel parts leave them to the parent) */
  sharedFiles?: boolean;
  /** multiplier on emergency and elective admission rates (default 1 = the calibrated rates; see docs/GENERATOR.md) */
  admissionScale?: number;
}
export interface GenerateResult { files: SinkSummary[]; people: number; personRows: number; seconds: number }

const yearSuffix = (fy: number) => hesFyear(fy);

export function generateEngland(opts: GenerateOptions): GenerateResult {
  const t0 = Date.now();
  const ref = opts.reference ?? loadReferenceData();
  const { firstYear: first, lastYear: last, seed, outDir } = opts;
  mkdirSync(outDir, { recursive: true });
  const effects = drawPctEffects(seed, ref.pcts, ref.areas);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const out: SimOutputs = {
    firstYear: first, lastYear: last, fyears: years.map(hesFyear), admissionScale: opts.admissionScale ?? 1,
    apc: years.map((y) => new CsvSink(join(outDir, `hes_apc_${yearSuffix(y)}.csv`), APC_COLUMNS.join(','))),
    op: years.map((y) => new CsvSink(join(outDir, `hes_op_${yearSuffix(y)}.csv`), OP_COLUMNS.join(','))),
    ae: years.map((y) => new CsvSink(join(outDir, `hes_ae_${yearSuffix(y)}.csv`), AE_COLUMNS.join(','))),
    deaths: years.map((y) => new CsvSink(join(outDir, `deaths_${y}.csv`), DEATH_COLUMNS.join(','))),
    people: new CsvSink(join(outDir, 'ground_truth_people.csv'),
      ['person_id', 'pct_code', 'lsoa01', 'sex', 'year_of_birth', 'date_of_death', 'latent_risk_z', 'true_high_risk',
        ...years.map((y) => `p_emergency_${y}`), ...years.map((y) => `segment_${y}`)].join(',')),
  };
  const population = years.map((y) => new CsvSink(join(outDir, `population_${y}.csv`), POPULATION_COLUMNS.join(',')));
  const births = years.map((y) => new CsvSink(join(outDir, `births_${y}.csv`), BIRTH_COLUMNS.join(',')));

  const nAreas = ref.areas.length;
  const N = opts.people;
  const newbornSlots = Math.floor((4294967295 - N) / nAreas);
  const ageCum = onsAgeSexCumulative(ref);
  const effectByPct = new Map(effects.map((e) => [e.pctCode, e]));
  const [pLo, pHi] = opts.pctRange ?? [0, ref.pcts.length];
  const pctCodes = new Set(ref.pcts.slice(pLo, pHi).map((p) => p.code));
  const providers = providerCodes(ref);
  const mid2003 = dayOf(first, 7, 1);
  let personRows = 0;
  let done = 0;
  const rangeTotal = peopleInPcts(ref, pctCodes, N);
  let currentPct = '';
  let pctLocal = 0;

  for (let ai = 0; ai < nAreas; ai++) {
    const a = ref.areas[ai];
    if (!pctCodes.has(a.pctCode)) continue;
    if (a.pctCode !== currentPct) { currentPct = a.pctCode; pctLocal = 0; } else pctLocal++;
    const effect = effectByPct.get(a.pctCode)!;
    const area = areaState(a, effect, pctLocal, providers, ref, years.length);
    const lo = Math.floor((ai * N) / nAreas);
    const hi = Math.floor(((ai + 1) * N) / nAreas);
    for (let id = lo; id < hi; id++) {
      const r = new Rng(seed, id, 2);
      const cell = r.pickCumulative(ageCum);
      const sex = cell < 19 ? 1 : 2;
      const band = cell % 19;
      const age = band === 18 ? 90 + Math.min(15, Math.floor(-4 * Math.log(1 - r.next()))) : band * 5 + r.int(0, 4);
      const dob = mid2003 - Math.floor(age * 365.25) - r.int(0, 364);
      simulatePerson(seed, ref.ons, area, { id, sex, dob }, out);
      personRows++;
    }
    for (let k = 0; k < area.newborns.length && k < newbornSlots; k++) {
      const nb = area.newborns[k];
      simulatePerson(seed, ref.ons, area, { id: N + ai * newbornSlots + k, sex: nb.sex, dob: nb.dob }, out);
      personRows++;
    }
    writeAreaCounts(a, area, years, population, births);
    done += hi - lo;
    if (opts.onProgress && ai % 64 === 0) opts.onProgress(done, rangeTotal, a.pctCode);
  }
  opts.onProgress?.(rangeTotal, rangeTotal, currentPct);

  const files: SinkSummary[] = [];
  for (const list of [out.apc, out.op, out.ae, out.deaths, population, births]) for (const s of list) files.push(s.close());
  files.push(out.people.close());
  if (opts.sharedFiles ?? true) files.push(...writeSharedFiles(outDir, seed, ref));
  return { files, people: N, personRows, seconds: (Date.now() - t0) / 1000 };
}

/** The files every run writes once, whatever the PCT range: the PCT ground truth and the tariff. */
export function writeSharedFiles(outDir: string, seed: number, ref: ReferenceData): SinkSummary[] {
  const effects = drawPctEffects(seed, ref.pcts, ref.areas);
  const truth = writeGroundTruthPct(join(outDir, 'ground_truth_pct.csv'), effects, ref);
  copyFileSync(join(GENERATOR_DATA_DIR, 'tariff.csv'), join(outDir, 'tariff.csv'));
  return [truth];
}

/** People at the start in the small areas of these PCTs (area ai holds people floor(ai·N/n) … floor((ai+1)·N/n) − 1). */
function peopleInPcts(ref: ReferenceData, pctCodes: Set<string>, N: number): number {
  const n = ref.areas.length;
  let total = 0;
  ref.areas.forEach((a, ai) => { if (pctCodes.has(a.pctCode)) total += Math.floor(((ai + 1) * N) / n) - Math.floor((ai * N) / n); });
  return total;
}

function onsAgeSexCumulative(ref: ReferenceData): Float64Array {
  const cum = new Float64Array(38);
  let s = 0;
  for (let sex = 0; sex < 2; sex++) for (let b = 0; b < 19; b++) cum[sex * 19 + b] = s += ref.ons.population[sex][b];
  return cum;
}

/** Two acute trust codes per PCT (main and other), synthetic but in the R + 2 letters style of PROCODE3. */
function providerCodes(ref: ReferenceData): Map<string, [string, string]> {
  const L = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
  const code = (i: number) => `R${L[Math.floor(i / L.length) % L.length]}${L[i % L.length]}`;
  return new Map(ref.pcts.map((p, i) => [p.code, [code(i * 3 + 7), code(((i + 1) % ref.pcts.length) * 3 + 7)]]));
}

function areaState(a: SmallArea, effect: PctEffect, pctLocal: number, providers: Map<string, [string, string]>, ref: ReferenceData, nYears: number): AreaState {
  const pct = ref.pcts[effect.pctIndex];
  const shaLetter = 'ABCDEFGHJKLMN'[Number(pct.shaCode.slice(1)) - 30];
  const gp = `${shaLetter}${String(pct.index * 100 + Math.floor(pctLocal / 6) % 100).padStart(5, '0')}`;
  const [main, other] = providers.get(a.pctCode)!;
  const base = { lsoa: a.lsoa, ladCode: a.ladCode, ladName: a.ladName, pctCode: a.pctCode, shaCode: pct.shaCode, gpPractice: gp,
    mainProvider: main, otherProvider: other, deprivation: a.deprivation };
  const ctx: AreaContext = { ...base, residence: residenceFields(base) };
  return { ctx, effect, picker: pickerFor(a.deprivation), population: new Int32Array(nYears * 2 * 19), births: new Int32Array(nYears * 2), newborns: [] };
}

const pickers = new Map<number, ConditionPicker>();
/** Pickers are shared between areas of (nearly) equal deprivation: 201 levels. */
function pickerFor(deprivation: number): ConditionPicker {
  const k = Math.round(deprivation * 200);
  let p = pickers.get(k);
  if (!p) pickers.set(k, (p = new ConditionPicker(k / 200)));
  return p;
}

function writeAreaCounts(a: SmallArea, area: AreaState, years: number[], population: CsvSink[], births: CsvSink[]): void {
  const name = csvField(a.ladName);
  years.forEach((y, yi) => {
    for (let s = 0; s < 2; s++) {
      const sexName = s === 0 ? 'Male' : 'Female';
      for (let b = 0; b < 19; b++) if (area.population[(yi * 2 + s) * 19 + b] > 0) population[yi].row(`${y},${a.lsoa},${name},${sexName},${AGE_BANDS[b]},${area.population[(yi * 2 + s) * 19 + b]}`);
      if (area.births[yi * 2 + s] > 0) births[yi].row(`${y},${a.lsoa},${a.pctCode},${s + 1},${area.births[yi * 2 + s]}`);
    }
  });
}

export function writeManifest(outDir: string, opts: { seed: number; people: number; firstYear: number; lastYear: number; format: string; admissionScale?: number }, files: SinkSummary[], seconds: number): void {
  const manifest = {
    generator: 'wcc synthetic England', version: 1, seed: opts.seed, people: opts.people, years: [opts.firstYear, opts.lastYear], format: opts.format,
    ...(opts.admissionScale !== undefined && opts.admissionScale !== 1 ? { admissionScale: opts.admissionScale } : {}),
    seconds, files: files.map((f) => ({ file: f.file.split('/').pop(), rows: f.rows, bytes: f.bytes, sha256: f.sha256 })),
  };
  writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}
