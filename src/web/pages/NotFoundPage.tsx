// Any address the app does not know.
import { useLocation } from 'react-router-dom';
import { AppLink } from '../components/AppLink.tsx';
import { Page } from '../app/page.tsx';

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Page title="Page not found">
      <h1>Page not found</h1>
      <p>There is no page at <code>{pathname}</code>.</p>
      <p>If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.</p>
      <p><AppLink href="/">Go to the home page</AppLink> or <AppLink href="/orgs">browse organisations</AppLink>.</p>
    </Page>
  );
}
