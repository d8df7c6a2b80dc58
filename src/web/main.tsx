// Entry point: NHS.UK styles, the API client, the session and the router.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import './styles.scss';
import { createApiClient } from './api/client.ts';
import { App } from './app/App.tsx';
import { PageFocusProvider } from './app/page.tsx';
import { SessionProvider } from './app/session.tsx';

// The package's own JavaScript is not started: every component used here works without it (the
// header's navigation wraps instead of folding into a "More" menu), and React handles focus.

const api = createApiClient();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <SessionProvider api={api}>
        <PageFocusProvider>
          <App />
        </PageFocusProvider>
      </SessionProvider>
    </BrowserRouter>
  </StrictMode>,
);
