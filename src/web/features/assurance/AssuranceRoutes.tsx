// The assurance pages under /assurance. The league table and published reports are public; other pages
// call the API, which answers 401/403/404 for what the visitor may not see.
import { Route, Routes } from 'react-router-dom';
import { RequireSession } from '../../app/RequireSession.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { CyclesPage } from './CyclesPage.tsx';
import { CyclePage } from './CyclePage.tsx';
import { SelfAssessmentPage } from './SelfAssessmentPage.tsx';
import { PanelPage } from './PanelPage.tsx';
import { CalibrationPage } from './CalibrationPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { LeaguePage } from './LeaguePage.tsx';

export function AssuranceRoutes() {
  return (
    <Routes>
      <Route index element={<RequireSession><CyclesPage /></RequireSession>} />
      <Route path=":cycle" element={<RequireSession><CyclePage /></RequireSession>} />
      <Route path=":cycle/league" element={<LeaguePage />} />
      <Route path=":cycle/calibration" element={<RequireSession><CalibrationPage /></RequireSession>} />
      <Route path=":cycle/pcts/:org" element={<RequireSession><SelfAssessmentPage /></RequireSession>} />
      <Route path=":cycle/pcts/:org/panel" element={<RequireSession><PanelPage /></RequireSession>} />
      <Route path=":cycle/pcts/:org/report" element={<ReportPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
