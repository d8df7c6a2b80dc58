// NHS.UK radios in a fieldset whose legend can be the page heading.
import { ErrorMessage } from './ErrorMessage.tsx';
import { Hint } from './Hint.tsx';

export interface RadiosProps {
  idPrefix: string;
  name: string;
  fieldset: { legend: { text: string; classes?: string; isPageHeading?: boolean } };
  hint?: { text: string };
  errorMessage?: { text: string } | null;
  items: { value: string; text: string; hint?: { text: string } }[];
  value: string;
  onChange(value: string): void;
}

export function Radios({ idPrefix, name, fieldset, hint, errorMessage, items, value, onChange }: RadiosProps) {
  const hintId = hint ? `${idPrefix}-hint` : undefined;
  const errorId = errorMessage ? `${idPrefix}-error` : undefined;
  const { legend } = fieldset;
  return (
    <div className={`nhsuk-form-group${errorMessage ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}>
        <legend className={`nhsuk-fieldset__legend${legend.classes ? ` ${legend.classes}` : ''}`}>
          {legend.isPageHeading ? <h1 className="nhsuk-fieldset__heading" tabIndex={-1}>{legend.text}</h1> : legend.text}
        </legend>
        {hint && <Hint id={hintId!} text={hint.text} />}
        {errorMessage && <ErrorMessage id={errorId} text={errorMessage.text} />}
        <div className="nhsuk-radios" data-module="nhsuk-radios">
          {items.map((item, i) => {
            const id = i === 0 ? idPrefix : `${idPrefix}-${i + 1}`;
            return (
              <div className="nhsuk-radios__item" key={item.value}>
                <input className="nhsuk-radios__input" id={id} name={name} type="radio" value={item.value}
                  checked={value === item.value} onChange={() => onChange(item.value)}
                  aria-describedby={item.hint ? `${id}-item-hint` : undefined} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>{item.text}</label>
                {item.hint && <div className="nhsuk-hint nhsuk-radios__hint" id={`${id}-item-hint`}>{item.hint.text}</div>}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
