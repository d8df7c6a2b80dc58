// NHS.UK text input with label, hint and error message (options as the `input` macro).
import type { InputHTMLAttributes } from 'react';
import { ErrorMessage } from './ErrorMessage.tsx';
import { Hint } from './Hint.tsx';
import { Label, type LabelOptions } from './Label.tsx';

export interface InputProps {
  id: string;
  name: string;
  label: LabelOptions;
  hint?: { text: string };
  errorMessage?: { text: string } | null;
  type?: string;
  value: string;
  onChange(value: string): void;
  autocomplete?: string;
  spellcheck?: boolean;
  inputmode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  classes?: string;
  formGroup?: { classes?: string };
}

export function Input({ id, name, label, hint, errorMessage, type = 'text', value, onChange, autocomplete, spellcheck, inputmode, classes, formGroup }: InputProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${errorMessage ? ' nhsuk-form-group--error' : ''}${formGroup?.classes ? ` ${formGroup.classes}` : ''}`}>
      <Label htmlFor={id} label={label} />
      {hint && <Hint id={hintId!} text={hint.text} />}
      {errorMessage && <ErrorMessage id={errorId} text={errorMessage.text} />}
      <input
        className={`nhsuk-input${errorMessage ? ' nhsuk-input--error' : ''}${classes ? ` ${classes}` : ''}`}
        id={id} name={name} type={type} value={value} onChange={(e) => onChange(e.target.value)}
        autoComplete={autocomplete} spellCheck={spellcheck} inputMode={inputmode} aria-describedby={describedBy}
      />
    </div>
  );
}
