// The outcomes pages, registered in App.tsx with one line.
import type { ReactNode } from 'react';
import { Route } from 'react-router-dom';
import { AreaProfilePage } from './AreaProfilePage.tsx';
import { NeedsAssessmentPage } from './NeedsAssessmentPage.tsx';
import { OutcomesHomePage } from './OutcomesHomePage.tsx';
import { OutcomesPage } from './OutcomesPage.tsx';
import { NationalProgressPage, PctProgressPage, ShaProgressPage } from './ProgressPages.tsx';

export function outcomePageRoutes(signedIn: (page: ReactNode) => ReactNode) {
  return [
    <Route key="outcomes" path="outcomes" element={<OutcomesHomePage />} />,
    <Route key="area" path="areas/:code" element={<AreaProfilePage />} />,
    <Route key="na" path="areas/:code/needs-assessment" element={<NeedsAssessmentPage />} />,
    <Route key="orgout" path="orgs/:code/outcomes" element={signedIn(<OutcomesPage />)} />,
    <Route key="orgprog" path="orgs/:code/outcomes/progress" element={signedIn(<PctProgressPage />)} />,
    <Route key="sha" path="outcomes/sha/:code" element={signedIn(<ShaProgressPage />)} />,
    <Route key="national" path="outcomes/national" element={signedIn(<NationalProgressPage />)} />,
  ];
}
