// Pages that need someone signed in send everyone else to the sign-in page, which returns them here.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useSession } from './session.tsx';
import { LoadingPage } from '../pages/LoadingPage.tsx';

export function RequireSession({ children }: { children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <LoadingPage />;
  if (!session.principal) {
    return <Navigate to={`/sign-in?next=${encodeURIComponent(location.pathname + location.search)}`} replace state={{ needsSession: true }} />;
  }
  return <>{children}</>;
}
