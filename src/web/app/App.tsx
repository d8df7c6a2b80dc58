// The routes of the web app. Pages that need a session are wrapped in RequireSession; what each
// signed-in user may see is decided by the API, which answers 403 otherwise.
import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { Layout } from './Layout.tsx';
import { RequireSession } from './RequireSession.tsx';
import { AccessibilityPage } from '../pages/AccessibilityPage.tsx';
import { AccountPage } from '../pages/AccountPage.tsx';
import { ActForPage } from '../pages/ActForPage.tsx';
import { AddUserPage } from '../pages/AddUserPage.tsx';
import { AuditPage } from '../pages/AuditPage.tsx';
import { HomePage } from '../pages/HomePage.tsx';
import { NotFoundPage } from '../pages/NotFoundPage.tsx';
import { OrgBrowserPage } from '../pages/OrgBrowserPage.tsx';
import { OrgPage } from '../pages/OrgPage.tsx';
import { SignInPage } from '../pages/SignInPage.tsx';
import { UsersPage } from '../pages/UsersPage.tsx';
import { outcomePageRoutes } from '../features/outcomes/routes.tsx';
import { ProcurementRoutes } from '../features/procurement/ProcurementRoutes.tsx';
import { InvestmentRoutes } from '../features/investment/InvestmentRoutes.tsx';
import { AssuranceRoutes } from '../features/assurance/AssuranceRoutes.tsx';
import { SurveyPage } from '../features/assurance/SurveyPage.tsx';
import { NeedsRoutes } from '../features/needs/NeedsRoutes.tsx';
import { ImportsRoutes } from '../features/imports/ImportsRoutes.tsx';

const signedIn = (page: ReactNode) => <RequireSession>{page}</RequireSession>;

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={signedIn(<HomePage />)} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="orgs" element={<OrgBrowserPage />} />
        <Route path="orgs/:code" element={<OrgPage />} />
        <Route path="account" element={signedIn(<AccountPage />)} />
        <Route path="act-for" element={signedIn(<ActForPage />)} />
        <Route path="users" element={signedIn(<UsersPage />)} />
        <Route path="users/new" element={signedIn(<AddUserPage />)} />
        <Route path="audit" element={signedIn(<AuditPage />)} />
        <Route path="investment/*" element={signedIn(<InvestmentRoutes />)} />
        <Route path="assurance/*" element={<AssuranceRoutes />} />
        <Route path="survey/:token" element={<SurveyPage />} />
        <Route path="procurement/*" element={signedIn(<ProcurementRoutes />)} />
        <Route path="needs/*" element={signedIn(<NeedsRoutes />)} />
        <Route path="imports/*" element={signedIn(<ImportsRoutes />)} />
        <Route path="accessibility" element={<AccessibilityPage />} />
        {outcomePageRoutes(signedIn)}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
