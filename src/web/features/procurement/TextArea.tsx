// NHS.UK textarea with label and hint (options as the `textarea` macro).
import { Hint } from '../../components/Hint.tsx';
import { Label } from '../../components/Label.tsx';

export function TextArea({ id, label, hint, value, onChange, rows = 4 }: { id: string; label: string; hint?: string; value: string; onChange(v: string): void; rows?: number }) {
  return (
    <div className="nhsuk-form-group">
      <Label htmlFor={id} label={{ text: label, classes: 'nhsuk-label--s' }} />
      {hint && <Hint id={`${id}-hint`} text={hint} />}
      <textarea className="nhsuk-textarea" id={id} name={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
    </div>
  );
}
