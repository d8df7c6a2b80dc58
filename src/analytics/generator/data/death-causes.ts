/**
 * Underlying causes of death (ICD-10, 4-character without dot) by cause group, with each group's share
 * of deaths by age [infant, 1-14, 15-34, 35-54, 55-74, 75+]. Shares follow the broad shape of ONS
 * mortality statistics for England in the 2000s; suicide weights are doubled for men.
 */
export interface DeathCauseGroup { id: string; codes: string[]; femaleCodes?: string[]; maleCodes?: string[]; shares: number[]; maleFactor?: number; depGradient: number }

export const DEATH_CAUSES: DeathCauseGroup[] = [
  { id: 'circulatory', codes: ['I219', 'I251', 'I64X', 'I619', 'I500', 'I489', 'I710', 'I10X'], shares: [0.02, 0.05, 0.07, 0.22, 0.26, 0.28], depGradient: 0.4 },
  { id: 'cancer', codes: ['C349', 'C189', 'C259', 'C159', 'C169', 'C679', 'C859', 'C920', 'C719'], femaleCodes: ['C509', 'C56X'], maleCodes: ['C61X'], shares: [0.01, 0.15, 0.15, 0.35, 0.4, 0.2], depGradient: 0.3 },
  { id: 'respiratory', codes: ['J449', 'J189', 'J841', 'J69X'], shares: [0.02, 0.07, 0.03, 0.05, 0.12, 0.15], depGradient: 0.7 },
  { id: 'dementia', codes: ['F03X', 'G309'], shares: [0, 0, 0, 0.002, 0.03, 0.14], depGradient: 0 },
  { id: 'liver_alcohol', codes: ['K703', 'K746', 'F102', 'K922'], shares: [0, 0, 0.03, 0.08, 0.04, 0.012], depGradient: 1.0 },
  { id: 'suicide', codes: ['X700', 'X800', 'X610', 'X640', 'Y100', 'Y200'], shares: [0, 0.02, 0.16, 0.05, 0.007, 0.002], maleFactor: 2.2, depGradient: 0.8 },
  { id: 'accidents', codes: ['V892', 'W190', 'X420', 'W800'], shares: [0.03, 0.25, 0.25, 0.06, 0.015, 0.015], depGradient: 0.5 },
  { id: 'perinatal_congenital', codes: ['P073', 'P369', 'Q249', 'P280'], shares: [0.85, 0.1, 0.01, 0, 0, 0], depGradient: 0.4 },
  { id: 'other', codes: ['N189', 'E149', 'G20X', 'A419', 'K559', 'R99X', 'G122'], shares: [0.07, 0.36, 0.3, 0.19, 0.13, 0.19], depGradient: 0.2 },
];

export function deathAgeGroup(age: number): number {
  if (age < 1) return 0;
  if (age < 15) return 1;
  if (age < 35) return 2;
  if (age < 55) return 3;
  if (age < 75) return 4;
  return 5;
}
