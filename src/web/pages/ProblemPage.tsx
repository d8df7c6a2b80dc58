// What a page shows when the API refuses or fails: sign in (401), not allowed (403), not found
// (404) or a service problem, using the problem details the server sent.
import { Navigate, useLocation } from 'react-router-dom';
import type { ApiError } from '../api/client.ts';
import { AppLink } from '../components/AppLink.tsx';
import { Page } from '../app/page.tsx';

export function ProblemPage({ error }: { error: ApiError }) {
  const location = useLocation();
  if (error.status === 401) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  }
  if (error.status === 403) {
    return (
      <Page title="Not allowed">
        <h1>You are not allowed to see this page</h1>
        <p>{error.problem.detail}</p>
        <p>If you need access, ask your national administrator to give you a role that allows it.</p>
        <p><AppLink href="/">Go to your home page</AppLink></p>
      </Page>
    );
  }
  if (error.status === 404) {
    return (
      <Page title="Page not found">
        <h1>Page not found</h1>
        <p>{error.problem.detail}</p>
        <p>If you typed the address, check it is correct.</p>
        <p><AppLink href="/orgs">Browse organisations</AppLink></p>
      </Page>
    );
  }
  return (
    <Page title="Sorry, there is a problem with the service">
      <h1>Sorry, there is a problem with the service</h1>
      <p>{error.problem.detail}</p>
      <p>Try again later.</p>
    </Page>
  );
}
