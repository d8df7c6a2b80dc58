// NHS.UK breadcrumb: the trail of parent pages, and on small screens a back link to the last one.
import { AppLink } from './AppLink.tsx';

export interface BreadcrumbProps {
  items: { href: string; text: string }[];
  /** Back link target; defaults to the last item. */
  href?: string;
  text?: string;
  labelText?: string;
}

export function Breadcrumb({ items, href, text, labelText = 'Breadcrumb' }: BreadcrumbProps) {
  const last = items[items.length - 1];
  const backHref = href ?? last?.href;
  const backText = text ?? last?.text;
  return (
    <nav className="nhsuk-breadcrumb" aria-label={labelText}>
      <ol className="nhsuk-breadcrumb__list">
        {items.map((i) => (
          <li className="nhsuk-breadcrumb__list-item" key={i.href}>
            <AppLink className="nhsuk-breadcrumb__link" href={i.href}>{i.text}</AppLink>
          </li>
        ))}
      </ol>
      {backHref && backText && (
        <AppLink className="nhsuk-back-link" href={backHref}>
          <span className="nhsuk-u-visually-hidden">Back to </span>{backText}
        </AppLink>
      )}
    </nav>
  );
}
