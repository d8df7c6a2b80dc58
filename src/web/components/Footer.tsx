// NHS.UK footer with meta links and copyright, as the `footer` macro's `meta` option.
import { AppLink } from './AppLink.tsx';

export interface FooterProps {
  meta?: { items?: { href: string; text: string }[]; text?: string; visuallyHiddenTitle?: string };
  copyright?: { text: string };
}

export function Footer({ meta, copyright = { text: '© NHS England' } }: FooterProps) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          {meta?.items && meta.items.length > 0 && (
            <>
              <h2 className="nhsuk-u-visually-hidden">{meta.visuallyHiddenTitle ?? 'Support links'}</h2>
              <ul className="nhsuk-footer__list">
                {meta.items.map((i) => (
                  <li className="nhsuk-footer__list-item" key={i.href}>
                    <AppLink className="nhsuk-footer__list-item-link" href={i.href}>{i.text}</AppLink>
                  </li>
                ))}
              </ul>
            </>
          )}
          {meta?.text && <p className="nhsuk-body-s">{meta.text}</p>}
          <p className="nhsuk-body-s">{copyright.text}</p>
        </div>
      </div>
    </footer>
  );
}
