// A cycle's timetable and what it allows at a given moment. Pure: the caller passes the time. Instants are
// ISO timestamps; panel and calibration days are dates, taken as whole UTC days.

export interface Timetable {
  selfAssessmentDeadline: string;   // instant
  surveyOpens: string;              // instant
  surveyCloses: string;             // instant
  panelsFrom: string;               // date
  panelsTo: string;                 // date
  calibrationBy: string;            // date
  publicationAt: string;            // instant
}

export type Phase = 'self_assessment' | 'panels' | 'calibration' | 'awaiting_publication' | 'published';

export interface Reopening { until: string; reason: string }

const ms = (iso: string) => Date.parse(iso);
const dayStart = (date: string) => Date.parse(`${date}T00:00:00Z`);
const dayEnd = (date: string) => dayStart(date) + 86_400_000;

/** Problems with the order of the dates, as { path, message } for a 400 response. */
export function checkTimetable(t: Timetable): { path: string; message: string }[] {
  const errors: { path: string; message: string }[] = [];
  for (const [k, v] of Object.entries(t)) if (Number.isNaN(ms(v))) errors.push({ path: k, message: `"${v}" is not a date` });
  if (errors.length) return errors;
  const order: [keyof Timetable, keyof Timetable, number, number][] = [
    ['surveyOpens', 'surveyCloses', ms(t.surveyOpens), ms(t.surveyCloses)],
    ['selfAssessmentDeadline', 'panelsFrom', ms(t.selfAssessmentDeadline), dayStart(t.panelsFrom)],
    ['surveyCloses', 'panelsFrom', ms(t.surveyCloses), dayStart(t.panelsFrom)],
    ['panelsFrom', 'panelsTo', dayStart(t.panelsFrom), dayStart(t.panelsTo)],
    ['panelsTo', 'calibrationBy', dayStart(t.panelsTo), dayStart(t.calibrationBy)],
    ['calibrationBy', 'publicationAt', dayEnd(t.calibrationBy), ms(t.publicationAt)],
  ];
  for (const [a, b, x, y] of order) if (x > y) errors.push({ path: b, message: `must not be before ${a}` });
  return errors;
}

export function phaseAt(t: Timetable, now: Date): Phase {
  const n = now.getTime();
  if (n >= ms(t.publicationAt)) return 'published';
  if (n >= dayEnd(t.calibrationBy)) return 'awaiting_publication';
  if (n >= dayEnd(t.panelsTo)) return 'calibration';
  if (n > ms(t.selfAssessmentDeadline)) return 'panels';
  return 'self_assessment';
}

export function surveyIsOpen(t: Timetable, now: Date): boolean {
  return now.getTime() >= ms(t.surveyOpens) && now.getTime() < ms(t.surveyCloses);
}

/** Results are public from the publication instant; before it only the PCT, its SHA and the national team see them. */
export function isPublished(t: Timetable, now: Date): boolean {
  return now.getTime() >= ms(t.publicationAt);
}

/**
 * Whether a PCT may change its self-assessment now: a submitted one is locked; a draft may be edited until
 * the deadline, and after it only while an SHA reopening for that PCT runs.
 */
export function selfAssessmentEditable(t: Timetable, now: Date, status: 'draft' | 'submitted', reopenings: Reopening[] = [])
  : { allowed: boolean; reason: string } {
  if (status === 'submitted') return { allowed: false, reason: 'the self-assessment has been submitted and is locked' };
  if (now.getTime() <= ms(t.selfAssessmentDeadline)) return { allowed: true, reason: 'before the self-assessment deadline' };
  const open = reopenings.filter((r) => now.getTime() < ms(r.until)).sort((a, b) => ms(b.until) - ms(a.until))[0];
  if (open) return { allowed: true, reason: `reopened by the SHA until ${open.until}: ${open.reason}` };
  return { allowed: false, reason: `the self-assessment deadline (${t.selfAssessmentDeadline}) has passed; ask the SHA to reopen it` };
}
