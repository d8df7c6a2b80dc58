// The indicator catalogue format: every file in catalogue/*.yaml must validate against IndicatorDefinition.
// Filters are named properties (never free column names), so every identifier in the generated SQL comes
// from this schema and the warehouse view definitions, not from a catalogue author or a user.
import { Type, type Static } from '@sinclair/typebox';

const lit = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const MethodName = lit('count', 'crude-rate', 'dsr', 'isr', 'proportion', 'mean', 'life-expectancy', 'sii', 'gap');
export type MethodName = Static<typeof MethodName>;

export const DatasetName = lit('hes_apc', 'hes_op', 'hes_ae', 'deaths', 'births', 'uploaded');
export type DatasetName = Static<typeof DatasetName>;

export const Polarity = lit('lower-is-better', 'higher-is-better', 'no-judgement');
export type Polarity = Static<typeof Polarity>;

export const SexScope = lit('persons', 'male', 'female');

const AgeScope = Type.Object({
  min: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
  max: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
}, { additionalProperties: false });

/** A reference to a code list file under src/analytics/indicators/codelists/ and, for files holding several lists, its name. */
export const CodeListRef = Type.Object({
  file: Type.String({ pattern: '^[a-z0-9_.-]+\\.csv$' }),
  list: Type.Optional(Type.String({ pattern: '^[a-z0-9_]+$' })),
}, { additionalProperties: false });
export type CodeListRef = Static<typeof CodeListRef>;

const DiagnosisRule = Type.Object({
  codes: CodeListRef,
  /** primary = first diagnosis only; any = any of the recorded positions; underlying = cause of death. */
  position: lit('primary', 'any', 'underlying'),
}, { additionalProperties: false });

const Weighting = Type.Object({
  kind: Type.Literal('alcohol-attributable-fraction'),
  fractions: CodeListRef,
  /** narrow: primary diagnosis, or an external cause in a secondary position; broad: the highest fraction in any position. */
  measure: lit('narrow', 'broad'),
}, { additionalProperties: false });

export const NumeratorRule = Type.Object({
  dataset: DatasetName,
  admissionMethod: Type.Optional(Type.Array(lit('elective', 'emergency', 'maternity', 'other'), { minItems: 1 })),
  /** HES CLASSPAT: 1 ordinary, 2 day case, 3 regular day, 4 regular night, 5 mother and baby. */
  patientClass: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 9 }), { minItems: 1 })),
  /** Count the first episode of each spell only (admissions rather than episodes). */
  firstEpisode: Type.Optional(Type.Boolean()),
  firstAttendance: Type.Optional(Type.Boolean()),
  attendance: Type.Optional(Type.Array(lit('attended', 'dna', 'cancelled', 'unknown'), { minItems: 1 })),
  diagnosis: Type.Optional(DiagnosisRule),
  /** Ambulatory care sensitive conditions: a rule file with regex, position, exclusions per condition. */
  acsc: Type.Optional(CodeListRef),
  weighting: Type.Optional(Weighting),
  /** A&E: total time in department at most this many minutes. */
  maxDurationMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  /** Emergency readmission within N days of a discharge (numerator of a readmission proportion). */
  readmittedWithinDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 365 })),
  age: Type.Optional(AgeScope),
  sex: Type.Optional(SexScope),
}, { additionalProperties: false });
export type NumeratorRule = Static<typeof NumeratorRule>;

export const DenominatorRule = Type.Object({
  /** population: resident population; births: live births; records: the numerator's dataset without its numerator-only rules. */
  kind: lit('population', 'births', 'records'),
  age: Type.Optional(AgeScope),
  sex: Type.Optional(SexScope),
  admissionMethod: Type.Optional(Type.Array(lit('elective', 'emergency', 'maternity', 'other'), { minItems: 1 })),
  patientClass: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 9 }), { minItems: 1 })),
  firstEpisode: Type.Optional(Type.Boolean()),
  firstAttendance: Type.Optional(Type.Boolean()),
  attendance: Type.Optional(Type.Array(lit('attended', 'dna', 'cancelled', 'unknown'), { minItems: 1 })),
}, { additionalProperties: false });
export type DenominatorRule = Static<typeof DenominatorRule>;

export const IndicatorDefinition = Type.Object({
  id: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }),
  title: Type.String({ minLength: 3 }),
  definition: Type.String({ minLength: 10 }),
  domain: lit('mortality', 'life-expectancy', 'inequalities', 'hospital-activity', 'lifestyle', 'child-health', 'sexual-health'),
  source: Type.String({ minLength: 3 }),
  method: MethodName,
  /** uploaded: values come from indicator-values imports, never computed. */
  computed: Type.Boolean(),
  numerator: Type.Optional(NumeratorRule),
  denominator: Type.Optional(DenominatorRule),
  /** mean: the field whose mean is reported. */
  meanOf: Type.Optional(lit('length_of_stay')),
  /** sii and gap: the life-expectancy indicator whose by-deprivation values they summarise. */
  basedOn: Type.Optional(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' })),
  deprivationGroups: Type.Optional(lit('decile', 'quintile')),
  standardPopulation: Type.Optional(Type.Literal('esp2013')),
  multiplier: Type.Number({ exclusiveMinimum: 0 }),
  unit: Type.String(),
  polarity: Polarity,
  confidence: Type.Array(lit('95', '99.8'), { minItems: 1 }),
  frequency: lit('annual', 'quarterly'),
  periodType: lit('financial-year', 'calendar-year'),
  breakdowns: Type.Array(lit('persons', 'male', 'female', 'imd-quintile'), { minItems: 1 }),
  suppression: Type.Object({
    minNumerator: Type.Integer({ minimum: 0 }),
    reason: Type.String(),
  }, { additionalProperties: false }),
  vitalSigns: Type.Optional(Type.String({ pattern: '^VS[A-Z]?[0-9]+$' })),
  citation: Type.String({ minLength: 10 }),
}, { additionalProperties: false });
export type IndicatorDefinition = Static<typeof IndicatorDefinition>;
