// NHS.UK summary list: key–value rows, optionally with an action link per row.
import type { ReactNode } from 'react';
import { AppLink } from './AppLink.tsx';

export interface SummaryListRow {
  key: { text: string };
  value: { text: ReactNode };
  actions?: { items: { href: string; text: string; visuallyHiddenText?: string }[] };
}

export function SummaryList({ rows, classes }: { rows: SummaryListRow[]; classes?: string }) {
  return (
    <dl className={`nhsuk-summary-list${classes ? ` ${classes}` : ''}`}>
      {rows.map((row) => (
        <div className="nhsuk-summary-list__row" key={row.key.text}>
          <dt className="nhsuk-summary-list__key">{row.key.text}</dt>
          <dd className="nhsuk-summary-list__value">{row.value.text}</dd>
          {row.actions && (
            <dd className="nhsuk-summary-list__actions">
              {row.actions.items.map((a) => (
                <AppLink key={a.href} href={a.href}>
                  {a.text}{a.visuallyHiddenText && <span className="nhsuk-u-visually-hidden"> {a.visuallyHiddenText}</span>}
                </AppLink>
              ))}
            </dd>
          )}
        </div>
      ))}
    </dl>
  );
}
