// An anchor that uses the router for addresses inside the app and a plain link otherwise, so
// NHS.UK components can take an `href` option as their Nunjucks macros do.
import type { AnchorHTMLAttributes } from 'react';
import { Link } from 'react-router-dom';

export function AppLink({ href, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  // /api/... is served by the server itself (OpenAPI pages), not by the app's router.
  if (href.startsWith('/') && !href.startsWith('/api/')) return <Link to={href} {...rest} />;
  return <a href={href} {...rest} />;
}
