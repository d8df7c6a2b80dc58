/**
 * Base annual rates per person (England average person, before PCT, deprivation and personal latent
 * risk multipliers, which all average 1). Ages: [under 1, 1-4, 5-14, 15-44, 45-64, 65-74, 75-84, 85+].
 * Roughly the HES 2008/09 national picture: ~5M emergency and ~9M elective/day-case admissions,
 * ~45M outpatient attendances and ~19M A&E attendances for 51M residents.
 */
export const RATE_AGE_LIMITS = [1, 5, 15, 45, 65, 75, 85] as const;
export function rateAgeIndex(age: number): number {
  let i = 0;
  while (i < RATE_AGE_LIMITS.length && age >= RATE_AGE_LIMITS[i]) i++;
  return i;
}

export const EMERGENCY_RATE = [0.3, 0.1, 0.04, 0.065, 0.08, 0.15, 0.27, 0.5];
export const ELECTIVE_RATE = [0.03, 0.04, 0.04, 0.08, 0.2, 0.35, 0.4, 0.25];
export const OP_FIRST_RATE = [0.3, 0.25, 0.2, 0.3, 0.45, 0.65, 0.75, 0.6];
export const OP_FOLLOWUPS_PER_FIRST = 1.8;
/** A&E attendances that do not lead to admission */
export const AE_RATE = [0.55, 0.4, 0.28, 0.33, 0.22, 0.22, 0.28, 0.45];
/** share of emergency admissions arriving through A&E */
export const EMERGENCY_VIA_AE = 0.75;
/** births per woman-year by age 15-19 … 40-44 */
export const FERTILITY = [0.025, 0.07, 0.1, 0.11, 0.06, 0.013];
export const OP_DNA_BASE = 0.08;
export const READMISSION_BASE = 0.06;

/** spread of personal latent risk (log scale) for each kind of event: mortality, emergency, other */
export const SIGMA_MORTALITY = 0.9;
export const SIGMA_EMERGENCY = 1.0;
export const SIGMA_OTHER = 0.45;
/** year-to-year persistence of the latent risk (AR(1) coefficient on a standard normal) */
export const LATENT_PERSISTENCE = 0.9;
/** annual emergency-admission probability at or above which a person is "truly high risk" */
export const HIGH_RISK_PROBABILITY = 0.5;
