// NHS.UK card: basic, clickable (the whole card follows its heading link) or feature.
import type { ReactNode } from 'react';
import { AppLink } from './AppLink.tsx';

export interface CardProps {
  heading: string;
  headingLevel?: 2 | 3 | 4;
  headingClasses?: string;
  href?: string;
  description?: ReactNode;
  clickable?: boolean;
  feature?: boolean;
  children?: ReactNode;
}

export function Card({ heading, headingLevel = 2, headingClasses = 'nhsuk-heading-m', href, description, clickable, feature, children }: CardProps) {
  const H = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  const cls = ['nhsuk-card', clickable && 'nhsuk-card--clickable', feature && 'nhsuk-card--feature'].filter(Boolean).join(' ');
  const headingCls = ['nhsuk-card__heading', feature && 'nhsuk-card__heading--feature', headingClasses].filter(Boolean).join(' ');
  return (
    <div className={cls}>
      <div className={`nhsuk-card__content${feature ? ' nhsuk-card__content--feature' : ''}`}>
        <H className={headingCls}>{href ? <AppLink className="nhsuk-card__link" href={href}>{heading}</AppLink> : heading}</H>
        {description !== undefined && <p className="nhsuk-card__description">{description}</p>}
        {children}
      </div>
    </div>
  );
}
