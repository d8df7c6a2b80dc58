// NHS.UK date input: day, month and year fields in one fieldset.
import { ErrorMessage } from './ErrorMessage.tsx';
import { Hint } from './Hint.tsx';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface DateInputProps {
  id: string;
  namePrefix?: string;
  fieldset: { legend: { text: string; classes?: string } };
  hint?: { text: string };
  errorMessage?: { text: string } | null;
  value: DateParts;
  onChange(value: DateParts): void;
}

const parts = [
  { key: 'day', label: 'Day', width: 2 },
  { key: 'month', label: 'Month', width: 2 },
  { key: 'year', label: 'Year', width: 4 },
] as const;

export function DateInput({ id, namePrefix, fieldset, hint, errorMessage, value, onChange }: DateInputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${errorMessage ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend className={`nhsuk-fieldset__legend${fieldset.legend.classes ? ` ${fieldset.legend.classes}` : ''}`}>{fieldset.legend.text}</legend>
        {hint && <Hint id={hintId!} text={hint.text} />}
        {errorMessage && <ErrorMessage id={errorId} text={errorMessage.text} />}
        <div className="nhsuk-date-input" id={id}>
          {parts.map((p) => (
            <div className="nhsuk-date-input__item" key={p.key}>
              <div className="nhsuk-form-group">
                <label className="nhsuk-label nhsuk-date-input__label" htmlFor={`${id}-${p.key}`}>{p.label}</label>
                <input className={`nhsuk-input nhsuk-date-input__input nhsuk-input--width-${p.width}${errorMessage ? ' nhsuk-input--error' : ''}`}
                  id={`${id}-${p.key}`} name={namePrefix ? `${namePrefix}-${p.key}` : p.key} type="text" inputMode="numeric"
                  value={value[p.key]} onChange={(e) => onChange({ ...value, [p.key]: e.target.value })} />
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
