// NHS.UK header with service name, account items and navigation. Options mirror the `header` macro
// (service, account.items, navigation.items); interactive items take an onClick in place of `action`.
import type { ReactNode } from 'react';
import { AppLink } from './AppLink.tsx';
import { Icon } from './Icon.tsx';

export interface HeaderAccountItem {
  text: ReactNode;
  href?: string;
  icon?: boolean;
  /** Renders the item as a button in a form (the macro's `action`), e.g. sign out. */
  onAction?: () => void;
}

export interface HeaderNavigationItem {
  text: string;
  href: string;
  current?: boolean;
  active?: boolean;
}

export interface HeaderProps {
  service: { text: string; href: string };
  account?: { items: HeaderAccountItem[]; ariaLabel?: string };
  navigation?: { items: HeaderNavigationItem[]; ariaLabel?: string };
}

const NhsLogo = () => (
  <svg className="nhsuk-header__logo" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" height="40" width="100" focusable="false" role="img" aria-label="NHS">
    <title>NHS</title>
    <path fill="currentcolor" d="M200 0v80H0V0h200Zm-27.5 5.5c-14.5 0-29 5-29 22 0 10.2 7.7 13.5 14.7 16.3l.7.3c5.4 2 10.1 3.9 10.1 8.4 0 6.5-8.5 7.5-14 7.5s-12.5-1.5-16-3.5L135 70c5.5 2 13.5 3.5 20 3.5 15.5 0 32-4.5 32-22.5 0-19.5-25.5-16.5-25.5-25.5 0-5.5 5.5-6.5 12.5-6.5a35 35 0 0 1 14.5 3l4-13.5c-4.5-2-12-3-20-3Zm-131 2h-22l-14 65H22l9-45h.5l13.5 45h21.5l14-65H64l-9 45h-.5l-13-45Zm63 0h-18l-13 65h17l6-28H117l-5.5 28H129l13.5-65H125L119.5 32h-20l5-24.5Z" />
  </svg>
);

function AccountItem({ item }: { item: HeaderAccountItem }) {
  const content = <>{item.icon && <Icon name="user" />}{item.text}</>;
  if (item.href) return <AppLink className="nhsuk-header__account-link" href={item.href}>{content}</AppLink>;
  if (item.onAction) {
    const act = item.onAction;
    return (
      <form className="nhsuk-header__account-form" noValidate onSubmit={(e) => { e.preventDefault(); act(); }}>
        <button className="nhsuk-header__account-button">{content}</button>
      </form>
    );
  }
  return content;
}

export function Header({ service, account, navigation }: HeaderProps) {
  return (
    <header className="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <AppLink className="nhsuk-header__service-logo" href={service.href} aria-label={`NHS ${service.text} homepage`}>
            <NhsLogo />
            <span className="nhsuk-header__service-name">{service.text}</span>
          </AppLink>
        </div>
        {account && account.items.length > 0 && (
          <nav className="nhsuk-header__account" aria-label={account.ariaLabel ?? 'Account'}>
            <ul className="nhsuk-header__account-list">
              {account.items.map((item, i) => (
                <li className="nhsuk-header__account-item" key={i}><AccountItem item={item} /></li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      {navigation && navigation.items.length > 0 && (
        <nav className="nhsuk-header__navigation" aria-label={navigation.ariaLabel ?? 'Menu'}>
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navigation.items.map((item) => {
                const on = item.current || item.active;
                return (
                  <li key={item.href} className={`nhsuk-header__navigation-item${on ? ' nhsuk-header__navigation-item--current' : ''}`}>
                    <AppLink className="nhsuk-header__navigation-link" href={item.href} aria-current={on ? (item.current ? 'page' : 'true') : undefined}>
                      {on ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.text}</strong> : item.text}
                    </AppLink>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
