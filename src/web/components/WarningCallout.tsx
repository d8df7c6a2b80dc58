// NHS.UK warning callout.
import type { ReactNode } from 'react';

export function WarningCallout({ heading, headingLevel = 3, children }: { heading: string; headingLevel?: 2 | 3; children: ReactNode }) {
  const H = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <H className="nhsuk-card__heading">{heading}</H>
        {children}
      </div>
    </div>
  );
}
