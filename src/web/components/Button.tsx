// NHS.UK button: a submit or plain button, or a link styled as a button when `href` is given.
import type { ReactNode } from 'react';
import { AppLink } from './AppLink.tsx';

export interface ButtonProps {
  text: ReactNode;
  type?: 'submit' | 'button';
  variant?: 'secondary' | 'reverse' | 'warning' | 'login';
  small?: boolean;
  href?: string;
  disabled?: boolean;
  onClick?: () => void;
  classes?: string;
}

export function Button({ text, type = 'submit', variant, small, href, disabled, onClick, classes }: ButtonProps) {
  const className = ['nhsuk-button', variant && `nhsuk-button--${variant}`, small && 'nhsuk-button--small', classes].filter(Boolean).join(' ');
  if (href) return <AppLink href={href} role="button" draggable="false" className={className} data-module="nhsuk-button">{text}</AppLink>;
  return <button className={className} data-module="nhsuk-button" type={type} disabled={disabled} aria-disabled={disabled || undefined} onClick={onClick}>{text}</button>;
}
