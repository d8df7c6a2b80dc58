// NHS.UK select with label, hint and error message.
import { ErrorMessage } from './ErrorMessage.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelOptions } from './Label.tsx';

export interface SelectProps {
  id: string;
  name: string;
  label: LabelOptions;
  hint?: { text: string };
  errorMessage?: { text: string } | null;
  items: { value: string; text: string }[];
  value: string;
  onChange(value: string): void;
}

export function Select({ id, name, label, hint, errorMessage, items, value, onChange }: SelectProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${errorMessage ? ' nhsuk-form-group--error' : ''}`}>
      <Label htmlFor={id} label={label} />
      {hint && <Hint id={hintId!} text={hint.text} />}
      {errorMessage && <ErrorMessage id={errorId} text={errorMessage.text} />}
      <select className={`nhsuk-select${errorMessage ? ' nhsuk-select--error' : ''}`} id={id} name={name} value={value}
        onChange={(e) => onChange(e.target.value)} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        {items.map((i) => <option key={i.value} value={i.value}>{i.text}</option>)}
      </select>
    </div>
  );
}
