// NHS.UK details: a native <details> element, so it needs no script.
import type { ReactNode } from 'react';

export function Details({ summaryText, children }: { summaryText: string; children: ReactNode }) {
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">{summaryText}</span></summary>
      <div className="nhsuk-details__text">{children}</div>
    </details>
  );
}
