// Every page: sets the document title ("Organisations – wcc") and, after a navigation inside the
// app, moves focus to the page's h1 so screen-reader and keyboard users start at the new content.
import { createContext, useContext, useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useLocation } from 'react-router-dom';

const FocusedKey = createContext<RefObject<string | null> | null>(null);

export function PageFocusProvider({ children }: { children: ReactNode }) {
  const ref = useRef<string | null>(null);
  return <FocusedKey.Provider value={ref}>{children}</FocusedKey.Provider>;
}

export interface PageProps {
  title: string;
  /** While true the h1 is not final yet; focus waits for it. */
  loading?: boolean;
  children: ReactNode;
}

export function Page({ title, loading = false, children }: PageProps) {
  const location = useLocation();
  const focused = useContext(FocusedKey);
  useEffect(() => {
    document.title = `${title} – wcc`;
  }, [title]);
  useEffect(() => {
    if (loading || !focused || focused.current === location.key) return;
    const firstPage = focused.current === null;
    focused.current = location.key;
    // On the first page of a visit focus stays at the top, so the skip link is the first stop.
    if (firstPage) return;
    if (document.querySelector('.nhsuk-error-summary')) return;
    const h1 = document.querySelector<HTMLElement>('main h1');
    if (!h1) return;
    h1.setAttribute('tabindex', '-1');
    h1.focus();
  }, [loading, location.key, focused]);
  return <>{children}</>;
}
