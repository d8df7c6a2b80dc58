// The frame of every page: skip link, NHS.UK header (who you are, whom you act for, navigation by
// permission), the main landmark and the footer.
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { Footer } from '../components/Footer.tsx';
import { Header, type HeaderAccountItem } from '../components/Header.tsx';
import { SkipLink } from '../components/SkipLink.tsx';
import { currentEntry, visibleEntries } from './navigation.ts';
import { useSession } from './session.tsx';

export function Layout() {
  const { session, actingFor, organisations, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const principal = session?.principal ?? null;
  const entries = visibleEntries(session?.permissions ?? [], !!principal);
  const current = currentEntry(entries, location.pathname);

  const account: HeaderAccountItem[] = [];
  if (principal) {
    account.push({ text: principal.displayName, href: '/account', icon: true });
    account.push({
      text: <span data-testid="acting-for"><span className="nhsuk-u-visually-hidden">Acting for </span>{actingFor ? `${actingFor.orgName} (${actingFor.orgCode})` : 'National'}</span>,
    });
    if (organisations.length > 1) account.push({ text: 'Change organisation', href: `/act-for?next=${encodeURIComponent(location.pathname + location.search)}` });
    account.push({
      text: 'Sign out',
      // Leave the signed-in page first, so no page that needs a session redirects on the way out.
      onAction: () => {
        navigate('/sign-in', { replace: true, state: { signedOut: true } });
        void signOut();
      },
    });
  } else if (session && location.pathname !== '/sign-in') {
    account.push({ text: 'Sign in', href: `/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`, icon: true });
  }

  return (
    <>
      <SkipLink />
      <Header
        service={{ text: 'World Class Commissioning', href: '/' }}
        account={{ items: account }}
        navigation={{ items: entries.map((e) => ({ text: e.text, href: e.href, current: e === current && location.pathname === e.href, active: e === current })), ariaLabel: 'Menu' }}
      />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent" role="main">
          <Outlet />
        </main>
      </div>
      <Footer
        meta={{
          items: [
            { href: '/api/docs', text: 'API documentation' },
            { href: '/accessibility', text: 'Accessibility statement' },
          ],
          text: 'wcc is an open-source platform for NHS World Class Commissioning (2008–2011 programme), for commissioners, SHA assurance teams and the national team.',
        }}
      />
    </>
  );
}
