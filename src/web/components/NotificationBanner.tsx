// NHS.UK notification banner; the success variant confirms what just happened.
import { useEffect, useRef, type ReactNode } from 'react';

export interface NotificationBannerProps {
  type?: 'success';
  titleText?: string;
  titleId?: string;
  children: ReactNode;
  disableAutoFocus?: boolean;
}

export function NotificationBanner({ type, titleText, titleId = 'nhsuk-notification-banner-title', children, disableAutoFocus }: NotificationBannerProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (type === 'success' && !disableAutoFocus) ref.current?.focus();
  }, [type, disableAutoFocus]);
  return (
    <div ref={ref} tabIndex={type === 'success' ? -1 : undefined}
      className={`nhsuk-notification-banner${type ? ` nhsuk-notification-banner--${type}` : ''}`}
      data-module="nhsuk-notification-banner" role={type === 'success' ? 'alert' : 'region'} aria-labelledby={titleId}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>{titleText ?? (type === 'success' ? 'Success' : 'Important')}</h2>
      </div>
      <div className="nhsuk-notification-banner__content">{children}</div>
    </div>
  );
}
