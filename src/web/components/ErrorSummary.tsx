// NHS.UK error summary. Like the package's JavaScript, it takes focus when it appears or its errors
// change, and its links move focus to the field they name.
import { useEffect, useRef } from 'react';

export interface ErrorSummaryProps {
  titleText?: string;
  descriptionText?: string;
  errorList: { href?: string; text: string }[];
  disableAutoFocus?: boolean;
}

function focusTarget(href: string) {
  const el = document.getElementById(href.slice(1));
  if (!el) return false;
  const label = document.querySelector<HTMLElement>(`label[for="${CSS.escape(el.id)}"]`);
  const legend = el.closest('fieldset')?.querySelector('legend');
  (legend ?? label ?? el).scrollIntoView();
  el.focus({ preventScroll: true });
  return true;
}

export function ErrorSummary({ titleText = 'There is a problem', descriptionText, errorList, disableAutoFocus }: ErrorSummaryProps) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errorList.map((e) => e.text).join('\n');
  useEffect(() => {
    if (!disableAutoFocus) ref.current?.focus();
  }, [signature, disableAutoFocus]);
  return (
    <div className="nhsuk-error-summary" data-module="nhsuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{titleText}</h2>
        <div className="nhsuk-error-summary__body">
          {descriptionText && <p>{descriptionText}</p>}
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {errorList.map((e, i) => (
              <li key={i}>
                {e.href
                  ? <a href={e.href} onClick={(ev) => { if (focusTarget(e.href!)) ev.preventDefault(); }}>{e.text}</a>
                  : e.text}
              </li>
            ))}
          </ul>
        </div>
      </div>
    </div>
  );
}
