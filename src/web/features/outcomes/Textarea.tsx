// NHS.UK textarea with label, hint and error message.
import { ErrorMessage } from '../../components/ErrorMessage.tsx';

export function Textarea({ id, name, label, hint, errorMessage, value, onChange, rows = 3 }: {
  id: string; name: string; label: string; hint?: string; errorMessage?: string | null; value: string; onChange(v: string): void; rows?: number;
}) {
  const hintId = hint ? `${id}-hint` : undefined, errorId = errorMessage ? `${id}-error` : undefined;
  return (
    <div className={`nhsuk-form-group${errorMessage ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="nhsuk-hint" id={hintId}>{hint}</div>}
      {errorMessage && <ErrorMessage id={errorId} text={errorMessage} />}
      <textarea className={`nhsuk-textarea${errorMessage ? ' nhsuk-textarea--error' : ''}`} id={id} name={name} rows={rows} value={value}
        onChange={(e) => onChange(e.target.value)} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} />
    </div>
  );
}
