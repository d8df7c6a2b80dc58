/**
 * Simulates one person from 1 January of the first year (or birth) to 31 March after the last year:
 * latent risk z (AR(1), persistent, so past emergency use predicts future), death by cause calibrated
 * to ONS 2014 rates, admissions (emergency, elective, maternity), readmissions, outpatients and A&E.
 * Rows go straight to the output sinks; nothing about the person is kept afterwards.
 */
import { ageOn, dayOf, financialYearOf, hesAge, isoDate as isoDateLocal } from './calendar.js';
import { type ConditionPicker } from './condition-picker.js';
import { COMORBIDITIES, type Condition } from './data/clinical-conditions.js';
import { AE_RATE, ELECTIVE_RATE, EMERGENCY_RATE, EMERGENCY_VIA_AE, FERTILITY, HIGH_RISK_PROBABILITY, LATENT_PERSISTENCE, OP_DNA_BASE, OP_FIRST_RATE, OP_FOLLOWUPS_PER_FIRST, rateAgeIndex, READMISSION_BASE, SIGMA_EMERGENCY, SIGMA_MORTALITY, SIGMA_OTHER } from './data/activity-rates.js';
import { DEATH_CAUSES, deathAgeGroup } from './data/death-causes.js';
import { aeRow, apcRow, opRow, type AreaContext, type Spell } from './hes-rows.js';
import { aeDisposal, AE_MINOR_DIAGNOSES, arrivalTime, departureMinutes, outpatientSpecialty } from './outpatient-and-ae.js';
import { areaRiskFactor, type PctEffect } from './pct-effects.js';
import { mix32, Rng } from './prng.js';
import { ageBandIndex, mortalityRate, type OnsEngland } from './reference-data.js';
import { segmentOf } from './segments.js';
import type { CsvSink } from './csv-sink.js';

export interface SimOutputs {
  firstYear: number; lastYear: number;
  apc: CsvSink[]; op: CsvSink[]; ae: CsvSink[]; deaths: CsvSink[]; people: CsvSink;
  fyears: string[];
  /** multiplier on emergency and elective admission rates (1 = calibrated) */
  admissionScale: number;
}
export interface AreaState {
  ctx: AreaContext; effect: PctEffect; picker: ConditionPicker;
  /** mid-year population [yearIdx][sex 0/1][band] flattened */
  population: Int32Array; births: Int32Array;
  newborns: { sex: number; dob: number }[];
}
export interface Person { id: number; sex: number; dob: number }

const SIG_M2 = (SIGMA_MORTALITY * SIGMA_MORTALITY) / 2;
const SIG_E2 = (SIGMA_EMERGENCY * SIGMA_EMERGENCY) / 2;
const SIG_O2 = (SIGMA_OTHER * SIGMA_OTHER) / 2;
const RHO = LATENT_PERSISTENCE;
const RHO_Q = Math.sqrt(1 - RHO * RHO);
const DEATH_HRG: Record<string, string> = { circulatory: 'EB03Z', cancer: 'SA10Z', respiratory: 'DZ11Z', dementia: 'WD01Z', liver_alcohol: 'WD02Z', suicide: 'WA06Z', accidents: 'HA83Z', perinatal_congenital: 'PB03Z', other: 'WA14Z' };

export function hesIdOf(seed: number, id: number): string {
  const a = mix32(id ^ mix32(seed));
  const b = mix32((id + 0x632be5ab) ^ mix32(seed + 1));
  return a.toString(16).toUpperCase().padStart(8, '0') + b.toString(16).toUpperCase().padStart(8, '0');
}

function lognormalDays(rng: Rng, mean: number): number {
  return Math.exp(Math.log(mean) - 0.32 + 0.8 * rng.normal());
}

interface PlannedSpell { day: number; setting: 'emergency' | 'elective' | 'maternity'; cond?: Condition }

export function simulatePerson(seed: number, ons: OnsEngland, area: AreaState, p: Person, out: SimOutputs): void {
  const rng = new Rng(seed, p.id, 1);
  const { ctx, effect } = area;
  const hesid = hesIdOf(seed, p.id);
  const first = out.firstYear;
  const last = out.lastYear;
  const simEnd = dayOf(last + 1, 4, 1);
  const hesStart = dayOf(first, 4, 1);
  let key = p.id * 4096;
  let z = rng.normal();
  let started = false;
  let deathDay = Infinity;
  const pEm: string[] = [];
  const segs: string[] = [];
  const sexOut = (): number => (rng.chance(0.001) ? 9 : p.sex);

  for (let y = first; y <= last + 1; y++) {
    const yStart = dayOf(y, 1, 1);
    const yEnd = y <= last ? dayOf(y + 1, 1, 1) : simEnd;
    if (p.dob >= yEnd) { if (y <= last) { pEm.push(''); segs.push(''); } continue; }
    const from = Math.max(yStart, p.dob);
    if (started) z = RHO * z + RHO_Q * rng.normal();
    started = true;
    const age = Math.max(0, ageOn(p.dob, yStart + 181));
    const rf = areaRiskFactor(effect, ctx.deprivation, Math.min(y, last));
    const span = yEnd - from;
    const sexIdx = p.sex - 1;

    // death
    const hMort = mortalityRate(ons, sexIdx, age) * rf * Math.exp(SIGMA_MORTALITY * z - SIG_M2);
    if (rng.next() < 1 - Math.exp((-hMort * span) / 365.25)) deathDay = from + Math.floor(rng.next() * span);
    const aliveEnd = Math.min(yEnd, deathDay + 1);
    const expo = (aliveEnd - from) / 365.25;

    if (y <= last) {
      const july = dayOf(y, 6, 30);
      if (p.dob <= july && deathDay > july) area.population[((y - first) * 2 + sexIdx) * 19 + ageBandIndex(ageOn(p.dob, july))]++;
    }

    // rates for this year
    const ri = rateAgeIndex(age);
    const lamEm = EMERGENCY_RATE[ri] * rf * Math.exp(SIGMA_EMERGENCY * z - SIG_E2) * out.admissionScale;
    const other = Math.exp(SIGMA_OTHER * z - SIG_O2);
    const plan: PlannedSpell[] = [];
    const nEm = rng.poisson(lamEm * expo);
    for (let i = 0; i < nEm; i++) plan.push({ day: from + Math.floor(rng.next() * (aliveEnd - from)), setting: 'emergency' });
    const lamEl = ELECTIVE_RATE[ri] * effect.electiveMultiplier * Math.exp(0.15 * ctx.deprivation) * other * out.admissionScale;
    const nEl = rng.poisson(lamEl * expo);
    for (let i = 0; i < nEl; i++) plan.push({ day: from + Math.floor(rng.next() * (aliveEnd - from)), setting: 'elective' });
    let delivered = false;
    if (p.sex === 2 && age >= 15 && age < 45 && rng.chance(FERTILITY[Math.floor((age - 15) / 5)] * expo * Math.exp(0.25 * ctx.deprivation))) {
      const day = from + Math.floor(rng.next() * (aliveEnd - from));
      plan.push({ day, setting: 'maternity' });
      delivered = true;
      if (day < simEnd) {
        const babySex = rng.chance(0.512) ? 1 : 2;
        area.newborns.push({ sex: babySex, dob: day });
        if (y <= last) area.births[(y - first) * 2 + babySex - 1]++;
      }
    }
    plan.sort((a, b) => a.day - b.day);

    // death certificate and, often, an in-hospital death spell
    let deathCause = '';
    let deathGroup = '';
    const diesThisYear = deathDay < yEnd;
    if (diesThisYear) {
      const g = deathAgeGroup(age);
      let total = 0;
      const w = DEATH_CAUSES.map((c) => (total += c.shares[g] * (p.sex === 1 ? c.maleFactor ?? 1 : 1) * Math.exp(c.depGradient * ctx.deprivation)));
      const grp = DEATH_CAUSES[rng.pickCumulative(w)];
      const codes = p.sex === 1 && grp.maleCodes ? grp.codes.concat(grp.maleCodes) : p.sex === 2 && grp.femaleCodes ? grp.codes.concat(grp.femaleCodes) : grp.codes;
      deathCause = rng.pick(codes);
      deathGroup = grp.id;
      if (y <= last) out.deaths[y - first].row(`${hesid},${isoDateLocal(deathDay)},${ageOn(p.dob, deathDay)},${p.sex},${deathCause},${ctx.lsoa},${ctx.pctCode}`);
    }

    // lay out admitted spells without overlaps; readmissions inserted as they arise
    let prevDis = -Infinity;
    const inHospitalDeath = diesThisYear && deathGroup !== 'accidents' && deathGroup !== 'suicide' && rng.chance(age < 1 ? 0.7 : 0.5);
    for (let i = 0; i < plan.length; i++) {
      const ps = plan[i];
      const admi = Math.max(ps.day, prevDis + 1);
      if (admi >= aliveEnd) break;
      const spell = buildSpell(rng, area, ps, admi, age, p.sex, z);
      if (diesThisYear && spell.disDay >= deathDay) { spell.disDay = deathDay; spell.dismeth = '4'; spell.disdest = '79'; }
      emitSpell(out, spell, key++, hesid, p, sexOut(), ctx, hesStart, rng, effect);
      prevDis = spell.disDay;
      if (spell.dismeth === '4') { deathDay = spell.disDay; break; }
      if (spell.classpat === '1' && ps.setting !== 'maternity') {
        const pr = READMISSION_BASE * Math.exp(0.5 * z - 0.125) * (age >= 75 ? 1.5 : 1);
        if (rng.chance(pr)) {
          const rd = spell.disDay + 1 + Math.floor(rng.next() * 29);
          let j = i + 1;
          while (j < plan.length && plan[j].day <= rd) j++;
          plan.splice(j, 0, { day: rd, setting: 'emergency' });
        }
      }
    }
    if (inHospitalDeath && prevDis < deathDay) {
      const los = Math.min(60, Math.floor(lognormalDays(rng, 8)));
      const admi = Math.max(prevDis + 1, deathDay - los, from);
      const diag = /^[V-Y]/.test(deathCause) ? ['S069', deathCause] : [deathCause];
      const spell: Spell = { admiDay: admi, disDay: deathDay, admimeth: '21', admisorc: '19', classpat: '1', disdest: '79', dismeth: '4',
        diagnoses: diag.concat(comorbidities(rng, age, z)), procedures: [], spef: '300', hrg: DEATH_HRG[deathGroup] ?? 'WA14Z', provider: ctx.mainProvider };
      emitSpell(out, spell, key++, hesid, p, sexOut(), ctx, hesStart, rng, effect);
    }

    // outpatients
    const nFirst = rng.poisson(OP_FIRST_RATE[ri] * other * Math.sqrt(effect.electiveMultiplier) * expo);
    const dnaP = OP_DNA_BASE * effect.dnaMultiplier * Math.exp(0.9 * ctx.deprivation) * (age >= 15 && age < 30 ? 1.4 : 1);
    for (let i = 0; i < nFirst; i++) {
      const spef = outpatientSpecialty(rng, age, p.sex);
      const provider = rng.chance(0.85) ? ctx.mainProvider : ctx.otherProvider;
      let day = from + Math.floor(rng.next() * (aliveEnd - from));
      const nFu = rng.poisson(OP_FOLLOWUPS_PER_FIRST * (1 + 0.5 * Math.max(0, z)) / 1.2);
      for (let k = 0; k <= nFu && day < aliveEnd && day < simEnd; k++) {
        if (day >= hesStart) {
          const dna = rng.chance(dnaP);
          const attended = dna ? (rng.chance(0.8) ? '3' : '2') : rng.chance(0.93) ? '5' : '6';
          const firstatt = k === 0 ? (rng.chance(0.97) ? '1' : '3') : rng.chance(0.95) ? '2' : '4';
          const fy = financialYearOf(day) - first;
          out.op[fy].row(opRow(out.fyears[fy], key++, hesid, day, hesAge(p.dob, day), sexOut(), ctx, attended, firstatt, spef, provider, k === 0 ? 'OPFAZ' : 'OPFUZ'));
        }
        day += 14 + Math.floor(rng.next() * 120);
      }
    }

    // A&E attendances without admission
    const nAe = rng.poisson(AE_RATE[ri] * Math.pow(rf, 0.6) * other * expo);
    for (let i = 0; i < nAe; i++) {
      const day = from + Math.floor(rng.next() * (aliveEnd - from));
      if (day < hesStart) continue;
      const fy = financialYearOf(day) - first;
      out.ae[fy].row(aeRow(out.fyears[fy], key++, hesid, day, arrivalTime(rng), hesAge(p.dob, day), sexOut(), ctx,
        departureMinutes(rng, effect.aeWithin4hShare, false), aeDisposal(rng), rng.chance(0.15) ? '1' : '2', ctx.mainProvider, rng.pick(AE_MINOR_DIAGNOSES), 'VB07Z'));
    }

    if (y <= last) {
      pEm.push((1 - Math.exp(-lamEm)).toFixed(4));
      segs.push(segmentOf(age, z, deathDay < yEnd + 365, delivered));
    }
    if (deathDay < yEnd) break;
  }
  while (pEm.length < last - first + 1) { pEm.push(''); segs.push(''); }
  // fill end-of-life for the year before death (known only now)
  for (let i = 0; i < segs.length; i++) {
    if (segs[i] && deathDay < dayOf(first + i + 1, 1, 1) + 365) segs[i] = 'end_of_life';
  }
  let lastP = '';
  for (let i = pEm.length - 1; i >= 0; i--) if (pEm[i] !== '') { lastP = pEm[i]; break; }
  const highRisk = lastP !== '' && Number(lastP) >= HIGH_RISK_PROBABILITY ? 1 : 0;
  const dobYear = Number(isoDateLocal(p.dob).slice(0, 4));
  out.people.row(`${hesid},${ctx.pctCode},${ctx.lsoa},${p.sex},${dobYear},${Number.isFinite(deathDay) && deathDay < simEnd ? isoDateLocal(deathDay) : ''},${z.toFixed(3)},${highRisk},${pEm.join(',')},${segs.join(',')}`);
}


function comorbidities(rng: Rng, age: number, z: number): string[] {
  const n = Math.min(6, rng.poisson(Math.max(0, z + 0.5) * (age / 45)));
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = rng.pick(COMORBIDITIES);
    if (!out.includes(c)) out.push(c);
  }
  return out;
}

function buildSpell(rng: Rng, area: AreaState, ps: PlannedSpell, admi: number, age: number, sex: number, z: number): Spell {
  const cond = area.picker.pick(rng, ps.setting, age, sex);
  const ctx = area.ctx;
  let classpat = '1';
  let los: number;
  if (ps.setting === 'elective' && rng.chance(cond.dayCaseShare ?? 0)) { classpat = '2'; los = 0; }
  else {
    los = Math.floor(lognormalDays(rng, cond.losMean) * (1 + Math.max(0, age - 65) / 40));
    if (ps.setting !== 'emergency') los = Math.max(1, los);
  }
  los = Math.min(los, 365);
  const diagnoses = [rng.pick(cond.codes)];
  if (cond.secondary) diagnoses.push(rng.pick(cond.secondary));
  for (const c of comorbidities(rng, age, z)) if (!diagnoses.includes(c)) diagnoses.push(c);
  const procedures = cond.opcs && (ps.setting !== 'emergency' || rng.chance(0.4)) ? [rng.pick(cond.opcs)] : [];
  let admimeth: string;
  if (ps.setting === 'emergency') admimeth = rng.chance(EMERGENCY_VIA_AE) ? '21' : rng.pick(['22', '22', '23', '24', '28']);
  else if (ps.setting === 'maternity') admimeth = '31';
  else admimeth = rng.chance(0.7) ? '11' : rng.chance(0.83) ? '12' : '13';
  const admisorc = age >= 85 && rng.chance(0.1) ? '54' : rng.chance(0.03) ? '51' : '19';
  const disdest = age >= 75 && rng.chance(0.05) ? '54' : '19';
  return { admiDay: admi, disDay: admi + los, admimeth, admisorc, classpat, disdest, dismeth: '1', diagnoses: diagnoses.slice(0, 20),
    procedures, spef: cond.spef, hrg: cond.hrg + 'Z', provider: rng.chance(0.85) ? ctx.mainProvider : ctx.otherProvider };
}

function emitSpell(out: SimOutputs, s: Spell, key: number, hesid: string, p: Person, sex: number, ctx: AreaContext, hesStart: number, rng: Rng, effect: PctEffect): void {
  if (s.admiDay < hesStart) return;
  const fy = financialYearOf(s.disDay) - out.firstYear;
  if (fy >= out.apc.length) return; // spell still open at the end of the last financial year
  out.apc[fy].row(apcRow(out.fyears[fy], key, hesid, s, hesAge(p.dob, s.admiDay), sex, ctx));
  if (s.admimeth === '21') {
    const afy = financialYearOf(s.admiDay) - out.firstYear;
    const diag = aeDiagnosisFor(s.diagnoses[0]);
    out.ae[afy].row(aeRow(out.fyears[afy], key + 2048, hesid, s.admiDay, arrivalTime(rng), hesAge(p.dob, s.admiDay), sex, ctx,
      departureMinutes(rng, effect.aeWithin4hShare, true), '01', rng.chance(0.6) ? '1' : '2', s.provider, diag, 'VB01Z'));
  }
}

function aeDiagnosisFor(icd: string): string {
  const ch = icd[0];
  if (ch === 'I') return icd.startsWith('I6') ? '21' : '20';
  if (ch === 'J') return '25';
  if (ch === 'S' || ch === 'T') return icd.startsWith('T') ? '14' : '05';
  if (ch === 'K' || ch === 'R') return '26';
  if (ch === 'F') return '35';
  if (ch === 'N') return '27';
  if (ch === 'E') return '30';
  if (ch === 'O') return '28';
  return '38';
}
