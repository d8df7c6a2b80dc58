// One NHS.UK checkbox (options as the `checkboxes` macro with a single item).
export function Checkbox({ id, label, hint, checked, onChange }: { id: string; label: string; hint?: string; checked: boolean; onChange(v: boolean): void }) {
  return (
    <div className="nhsuk-form-group">
      <div className="nhsuk-checkboxes">
        <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>{label}</label>
          {hint && <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>{hint}</div>}
        </div>
      </div>
    </div>
  );
}
