/**
 * Conditions that admitted patient care is drawn from: ICD-10 (4-character, HES style), weights by age
 * group [0-17, 18-44, 45-64, 65-74, 75+], an extra deprivation gradient, the HRG-like tariff group
 * (data/tariff.csv), treatment specialty, mean length of stay and OPCS-4 procedures.
 * Codes were chosen so the indicator code lists find them: ACSC (acsc_nhs_institute_19_conditions),
 * alcohol-specific and partially attributable conditions (phe_aaf_*), circulatory I00–I99, cancer C00–C97,
 * respiratory J00–J99, self-harm X60–X84 (secondary), hip fracture S720–S722 in 65+, obesity E66.
 */
export type Setting = 'emergency' | 'elective' | 'maternity';

export interface Condition {
  id: string; setting: Setting; codes: string[]; secondary?: string[];
  weights: [number, number, number, number, number];
  sex?: 1 | 2; minAge?: number; maxAge?: number;
  depGradient: number; hrg: string; spef: string; losMean: number; dayCaseShare?: number; opcs?: string[];
  /** A&E diagnosis (DIAG2) when the admission comes through A&E */
  aeDiag: string;
}

const c = (x: Omit<Condition, 'depGradient'> & { depGradient?: number }): Condition => ({ depGradient: 0, ...x });

export const CONDITIONS: Condition[] = [
  // emergency
  c({ id: 'pneumonia', setting: 'emergency', codes: ['J181', 'J189', 'J159', 'J111'], weights: [0.06, 0.02, 0.04, 0.07, 0.09], depGradient: 0.3, hrg: 'DZ11', spef: '300', losMean: 8, aeDiag: '25' }),
  c({ id: 'copd', setting: 'emergency', codes: ['J440', 'J441', 'J449'], weights: [0, 0.004, 0.04, 0.07, 0.06], depGradient: 0.9, hrg: 'DZ21', spef: '340', losMean: 6, aeDiag: '25' }),
  c({ id: 'asthma', setting: 'emergency', codes: ['J459', 'J450'], weights: [0.06, 0.03, 0.015, 0.005, 0.003], depGradient: 0.4, hrg: 'DZ15', spef: '340', losMean: 2, aeDiag: '25' }),
  c({ id: 'heart_failure', setting: 'emergency', codes: ['I500', 'I509', 'I110'], weights: [0, 0.002, 0.015, 0.04, 0.06], depGradient: 0.4, hrg: 'EB03', spef: '320', losMean: 10, aeDiag: '20' }),
  c({ id: 'angina', setting: 'emergency', codes: ['I209', 'I200'], weights: [0, 0.005, 0.03, 0.03, 0.02], depGradient: 0.5, hrg: 'EB13', spef: '320', losMean: 3, aeDiag: '20' }),
  c({ id: 'myocardial_infarction', setting: 'emergency', codes: ['I210', 'I211', 'I214', 'I219'], weights: [0, 0.004, 0.03, 0.035, 0.035], depGradient: 0.5, hrg: 'EB10', spef: '320', losMean: 7, opcs: ['K751', 'K634'], aeDiag: '20' }),
  c({ id: 'stroke', setting: 'emergency', codes: ['I639', 'I64X', 'I619'], weights: [0, 0.003, 0.015, 0.03, 0.05], depGradient: 0.3, hrg: 'AA22', spef: '300', losMean: 18, aeDiag: '21' }),
  c({ id: 'atrial_fibrillation', setting: 'emergency', codes: ['I489', 'I480'], weights: [0, 0.003, 0.015, 0.025, 0.03], hrg: 'EB07', spef: '320', losMean: 3, aeDiag: '20' }),
  c({ id: 'diabetes_complications', setting: 'emergency', codes: ['E101', 'E110', 'E115', 'E116'], weights: [0.01, 0.01, 0.012, 0.012, 0.01], depGradient: 0.6, hrg: 'KB02', spef: '300', losMean: 5, aeDiag: '30' }),
  c({ id: 'cellulitis', setting: 'emergency', codes: ['L031', 'L039'], weights: [0.02, 0.02, 0.025, 0.025, 0.025], depGradient: 0.3, hrg: 'JD07', spef: '300', losMean: 5, aeDiag: '18' }),
  c({ id: 'urinary_infection', setting: 'emergency', codes: ['N10X', 'N390'], weights: [0.02, 0.02, 0.02, 0.03, 0.05], hrg: 'LA04', spef: '300', losMean: 5, aeDiag: '27' }),
  c({ id: 'gastroenteritis', setting: 'emergency', codes: ['K529', 'E86X', 'A099'], weights: [0.08, 0.02, 0.015, 0.02, 0.03], depGradient: 0.3, hrg: 'FZ36', spef: '300', losMean: 3, aeDiag: '26' }),
  c({ id: 'ent_infection', setting: 'emergency', codes: ['J039', 'J029', 'H669'], weights: [0.08, 0.015, 0.005, 0.003, 0.002], depGradient: 0.3, hrg: 'CZ21', spef: '120', losMean: 1, aeDiag: '34' }),
  c({ id: 'epilepsy', setting: 'emergency', codes: ['G409', 'R568'], weights: [0.03, 0.015, 0.01, 0.008, 0.008], depGradient: 0.5, hrg: 'AA26', spef: '400', losMean: 2, aeDiag: '24' }),
  c({ id: 'dental', setting: 'emergency', codes: ['K047', 'K122'], weights: [0.01, 0.005, 0.002, 0.001, 0.001], depGradient: 0.6, hrg: 'CZ21', spef: '140', losMean: 1, aeDiag: '33' }),
  c({ id: 'abdominal_surgical', setting: 'emergency', codes: ['R104', 'R101', 'K358', 'K802'], weights: [0.1, 0.15, 0.12, 0.08, 0.06], hrg: 'FZ24', spef: '100', losMean: 3, opcs: ['H011', 'J183'], aeDiag: '26' }),
  c({ id: 'chest_pain', setting: 'emergency', codes: ['R072', 'R074', 'R069'], weights: [0.01, 0.06, 0.08, 0.06, 0.04], hrg: 'EB12', spef: '300', losMean: 1, aeDiag: '20' }),
  c({ id: 'injury', setting: 'emergency', codes: ['S065', 'S525', 'S828', 'S420'], secondary: ['W19X'], weights: [0.1, 0.08, 0.04, 0.04, 0.05], depGradient: 0.3, hrg: 'HA83', spef: '110', losMean: 3, opcs: ['W191', 'W241'], aeDiag: '05' }),
  c({ id: 'hip_fracture', setting: 'emergency', codes: ['S720', 'S721', 'S722'], secondary: ['W19X'], minAge: 65, weights: [0, 0, 0, 0.02, 0.07], depGradient: 0.2, hrg: 'HA11', spef: '110', losMean: 20, opcs: ['W461', 'W191'], aeDiag: '05' }),
  c({ id: 'self_harm', setting: 'emergency', codes: ['T391', 'T424', 'T430'], secondary: ['X60X', 'X61X', 'X62X', 'X64X', 'X78X'], minAge: 10, weights: [0.015, 0.03, 0.012, 0.003, 0.002], depGradient: 1.0, hrg: 'WA06', spef: '300', losMean: 1, aeDiag: '14' }),
  c({ id: 'alcohol_specific', setting: 'emergency', codes: ['F100', 'F102', 'K703', 'K701', 'T510', 'K860'], minAge: 12, weights: [0.003, 0.015, 0.02, 0.01, 0.004], depGradient: 1.1, hrg: 'WD02', spef: '300', losMean: 5, aeDiag: '14' }),
  c({ id: 'cancer_emergency', setting: 'emergency', codes: ['C349', 'C189', 'C61X', 'C509', 'C259'], weights: [0.002, 0.005, 0.03, 0.05, 0.05], depGradient: 0.3, hrg: 'SA10', spef: '370', losMean: 10, aeDiag: '38' }),
  c({ id: 'dementia_delirium', setting: 'emergency', codes: ['F03X', 'F050', 'R410'], minAge: 55, weights: [0, 0, 0.003, 0.01, 0.04], hrg: 'WD01', spef: '430', losMean: 14, aeDiag: '35' }),
  c({ id: 'sepsis', setting: 'emergency', codes: ['A419'], weights: [0.01, 0.005, 0.008, 0.015, 0.025], hrg: 'WA03', spef: '300', losMean: 9, aeDiag: '19' }),
  c({ id: 'neonatal', setting: 'emergency', codes: ['P599', 'P220', 'P369'], maxAge: 0, weights: [0.6, 0, 0, 0, 0], hrg: 'PB03', spef: '420', losMean: 3, aeDiag: '38' }),
  c({ id: 'obstetric_emergency', setting: 'emergency', codes: ['O209', 'O219', 'O470'], sex: 2, minAge: 15, maxAge: 45, weights: [0.002, 0.05, 0, 0, 0], hrg: 'NZ04', spef: '501', losMean: 1, aeDiag: '28' }),
  c({ id: 'mental_health', setting: 'emergency', codes: ['F329', 'F209', 'F419'], minAge: 12, weights: [0.005, 0.02, 0.01, 0.004, 0.003], depGradient: 0.7, hrg: 'WD03', spef: '710', losMean: 12, aeDiag: '35' }),
  c({ id: 'other_medical', setting: 'emergency', codes: ['R55X', 'R51X', 'R53X', 'D649'], weights: [0.1, 0.1, 0.1, 0.1, 0.12], hrg: 'WA14', spef: '300', losMean: 4, aeDiag: '38' }),
  // elective
  c({ id: 'cataract', setting: 'elective', codes: ['H251', 'H269'], minAge: 40, weights: [0, 0.001, 0.04, 0.12, 0.15], hrg: 'BZ02', spef: '130', losMean: 1, dayCaseShare: 0.95, opcs: ['C751'], aeDiag: '36' }),
  c({ id: 'endoscopy', setting: 'elective', codes: ['K219', 'K297', 'K573', 'D126'], weights: [0.01, 0.1, 0.18, 0.16, 0.12], hrg: 'FZ60', spef: '301', losMean: 1, dayCaseShare: 0.95, opcs: ['H229', 'G451'], aeDiag: '26' }),
  c({ id: 'joint_replacement', setting: 'elective', codes: ['M169', 'M171'], minAge: 40, weights: [0, 0.003, 0.04, 0.07, 0.06], hrg: 'HB12', spef: '110', losMean: 5, dayCaseShare: 0, opcs: ['W371', 'O181'], aeDiag: '05' }),
  c({ id: 'hernia', setting: 'elective', codes: ['K409', 'K429'], weights: [0.03, 0.04, 0.05, 0.04, 0.03], hrg: 'FZ18', spef: '100', losMean: 2, dayCaseShare: 0.6, opcs: ['T202'], aeDiag: '26' }),
  c({ id: 'chemotherapy', setting: 'elective', codes: ['Z511'], secondary: ['C509', 'C189', 'C349', 'C61X'], weights: [0.005, 0.02, 0.12, 0.14, 0.1], hrg: 'SB97', spef: '370', losMean: 1, dayCaseShare: 0.95, opcs: ['X352'], aeDiag: '38' }),
  c({ id: 'cardiac_procedure', setting: 'elective', codes: ['I251', 'I209'], minAge: 30, weights: [0, 0.005, 0.04, 0.05, 0.03], hrg: 'EA31', spef: '320', losMean: 2, dayCaseShare: 0.5, opcs: ['K634', 'K751'], aeDiag: '20' }),
  c({ id: 'gynaecology', setting: 'elective', codes: ['N920', 'N800', 'D259'], sex: 2, minAge: 15, weights: [0.005, 0.08, 0.06, 0.02, 0.01], hrg: 'MA07', spef: '502', losMean: 2, dayCaseShare: 0.7, opcs: ['Q072', 'Q181'], aeDiag: '29' }),
  c({ id: 'ent_surgery', setting: 'elective', codes: ['J350', 'J342'], weights: [0.08, 0.02, 0.01, 0.005, 0.003], hrg: 'CZ09', spef: '120', losMean: 1, dayCaseShare: 0.7, opcs: ['F341', 'E036'], aeDiag: '34' }),
  c({ id: 'bariatric', setting: 'elective', codes: ['E668'], minAge: 18, weights: [0, 0.004, 0.004, 0.0005, 0], depGradient: 0.5, hrg: 'FZ84', spef: '100', losMean: 3, dayCaseShare: 0, opcs: ['G281'], aeDiag: '30' }),
  c({ id: 'skin_lesion', setting: 'elective', codes: ['L721', 'D229', 'C443'], weights: [0.03, 0.05, 0.05, 0.06, 0.07], hrg: 'JC05', spef: '330', losMean: 1, dayCaseShare: 0.9, opcs: ['S062'], aeDiag: '31' }),
  c({ id: 'urology', setting: 'elective', codes: ['N40X', 'N200', 'C679'], weights: [0.005, 0.02, 0.05, 0.08, 0.08], hrg: 'LB13', spef: '101', losMean: 2, dayCaseShare: 0.5, opcs: ['M653', 'M421'], aeDiag: '27' }),
  c({ id: 'orthopaedic_minor', setting: 'elective', codes: ['M232', 'M751', 'G560'], weights: [0.02, 0.06, 0.06, 0.04, 0.02], hrg: 'HB23', spef: '110', losMean: 1, dayCaseShare: 0.75, opcs: ['W821', 'A651'], aeDiag: '05' }),
  c({ id: 'dental_extraction', setting: 'elective', codes: ['K021', 'K011'], weights: [0.05, 0.005, 0.002, 0.001, 0.001], depGradient: 0.8, hrg: 'CZ24', spef: '140', losMean: 1, dayCaseShare: 0.95, opcs: ['F091'], aeDiag: '33' }),
  c({ id: 'pain_management', setting: 'elective', codes: ['M545', 'M472'], minAge: 18, weights: [0, 0.02, 0.04, 0.04, 0.03], hrg: 'AB05', spef: '191', losMean: 1, dayCaseShare: 0.95, opcs: ['A577'], aeDiag: '38' }),
  // maternity (delivery spell: ADMIMETH 31)
  c({ id: 'delivery', setting: 'maternity', codes: ['O800', 'O809', 'O702', 'O820', 'O829', 'O681'], secondary: ['Z370'], sex: 2, weights: [1, 1, 1, 0, 0], hrg: 'NZ11', spef: '501', losMean: 2, dayCaseShare: 0, opcs: ['R241', 'R182', 'R174'], aeDiag: '28' }),
];

/** Comorbidities recorded as secondary diagnoses for people with long-term conditions (higher latent risk). */
export const COMORBIDITIES = ['I10X', 'E119', 'J449', 'I259', 'N189', 'I489', 'F03X', 'E669', 'E660', 'K703', 'Z864', 'F329'];

export const AGE_GROUP_LIMITS = [18, 45, 65, 75] as const;
export function ageGroup(age: number): number {
  let g = 0;
  while (g < AGE_GROUP_LIMITS.length && age >= AGE_GROUP_LIMITS[g]) g++;
  return g;
}
