// The cycle timetable as a form: instants as ISO date-times (UTC), panel and calibration days as dates.
import { Input } from '../../components/Input.tsx';
import type { Timetable } from './api.ts';

const fields: { key: keyof Timetable; label: string; hint: string }[] = [
  { key: 'selfAssessmentDeadline', label: 'Self-assessment deadline', hint: 'Date and time, for example 2010-01-15T17:00:00Z' },
  { key: 'surveyOpens', label: 'Survey opens', hint: 'Date and time' },
  { key: 'surveyCloses', label: 'Survey closes', hint: 'Date and time' },
  { key: 'panelsFrom', label: 'Panels from', hint: 'Date, for example 2010-02-01' },
  { key: 'panelsTo', label: 'Panels to', hint: 'Date' },
  { key: 'calibrationBy', label: 'National calibration by', hint: 'Date' },
  { key: 'publicationAt', label: 'Publication', hint: 'Date and time: results become public then' },
];

export function defaultTimetable(now = Date.now()): Timetable {
  const day = 86_400_000;
  const at = (d: number) => new Date(now + d * day).toISOString().slice(0, 19) + 'Z';
  const date = (d: number) => new Date(now + d * day).toISOString().slice(0, 10);
  return { selfAssessmentDeadline: at(21), surveyOpens: at(-1), surveyCloses: at(14), panelsFrom: date(22), panelsTo: date(35), calibrationBy: date(45), publicationAt: at(60) };
}

export function TimetableForm({ value, onChange, errors }: { value: Timetable; onChange(t: Timetable): void; errors: string[] }) {
  return (
    <fieldset className="nhsuk-fieldset">
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Timetable</legend>
      {fields.map((f) => {
        const error = errors.find((e) => e.startsWith(`timetable/${f.key}:`) || e.startsWith(`body/timetable/${f.key}`));
        return <Input key={f.key} id={`tt-${f.key}`} name={f.key} label={{ text: f.label }} hint={{ text: f.hint }} value={value[f.key]}
          errorMessage={error ? { text: error.split(': ').slice(1).join(': ') } : null} onChange={(v) => onChange({ ...value, [f.key]: v })} classes="nhsuk-input--width-20" />;
      })}
    </fieldset>
  );
}
