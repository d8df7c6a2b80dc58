/** Small lookup tables for outpatient specialties and A&E attendances. */
import type { Rng } from './prng.js';

const CHILD_SPEF = ['420', '420', '420', '120', '110', '130', '100', '330'];
const ADULT_SPEF = ['100', '101', '110', '110', '120', '130', '130', '300', '320', '320', '330', '340', '400', '410', '370', '800', '301', '191'];
const MATERNAL_SPEF = ['501', '501', '502', '502'];

export function outpatientSpecialty(rng: Rng, age: number, sex: number): string {
  if (age < 16) return rng.pick(CHILD_SPEF);
  if (sex === 2 && age < 45 && rng.chance(0.3)) return rng.pick(MATERNAL_SPEF);
  return rng.pick(ADULT_SPEF);
}

/** Non-admitted A&E disposals (HES AEATTENDDISP) with cumulative weights. */
const AE_DISPOSALS = ['02', '03', '04', '05', '06', '07', '12'];
const AE_DISPOSAL_CUM = [0.35, 0.77, 0.8, 0.86, 0.94, 0.95, 1];
export function aeDisposal(rng: Rng): string {
  return AE_DISPOSALS[rng.pickCumulative(AE_DISPOSAL_CUM)];
}

export const AE_MINOR_DIAGNOSES = ['01', '02', '03', '04', '05', '06', '07', '12', '13', '14', '17', '25', '26', '38', '39'];

/** Arrival hour weights: quiet overnight, busy late morning to evening. */
const HOUR_WEIGHTS = [2, 1.5, 1.2, 1, 0.9, 0.9, 1.2, 2, 3.5, 5, 5.5, 5.5, 5.3, 5, 4.8, 4.7, 4.7, 4.8, 4.8, 4.5, 4, 3.5, 3, 2.5];
const HOUR_CUM = HOUR_WEIGHTS.reduce<number[]>((acc, w) => [...acc, (acc[acc.length - 1] ?? 0) + w], []);
export function arrivalTime(rng: Rng): string {
  const h = rng.pickCumulative(HOUR_CUM);
  const m = rng.int(0, 59);
  return `${h < 10 ? '0' : ''}${h}${m < 10 ? '0' : ''}${m}`;
}

/** Minutes from arrival to departure: within 4 hours with probability `within4h` (admitted patients wait longer). */
export function departureMinutes(rng: Rng, within4h: number, admitted: boolean): number {
  if (rng.chance(admitted ? within4h - 0.02 : within4h)) {
    const u = rng.next();
    return Math.max(5, Math.min(240, Math.round((admitted ? 90 : 25) + (admitted ? 150 : 215) * Math.pow(u, admitted ? 0.6 : 1.4))));
  }
  return 241 + Math.floor(-90 * Math.log(1 - rng.next()));
}
