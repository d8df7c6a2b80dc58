// NHS.UK back link.
import { AppLink } from './AppLink.tsx';

export function BackLink({ href, text = 'Back' }: { href: string; text?: string }) {
  return <AppLink className="nhsuk-back-link" href={href}>{text}</AppLink>;
}
