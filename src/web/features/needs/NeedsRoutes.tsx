// The needs pages under /needs: the population of the PCT you act for (or England), the model, and the
// case-finding list.
import { Navigate, Route, Routes } from 'react-router-dom';
import { useSession } from '../../app/session.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { PopulationPage } from './PopulationPage.tsx';
import { CaseFindingPage } from './CaseFindingPage.tsx';
import { ModelPage } from './ModelPage.tsx';

function NeedsHome() {
  const { actingFor } = useSession();
  const pct = actingFor && actingFor.roles.some((r) => r.role.startsWith('pct_')) ? actingFor.orgCode : 'ENG';
  return <Navigate replace to={`/needs/areas/${pct}`} />;
}

export function NeedsRoutes() {
  return (
    <Routes>
      <Route index element={<NeedsHome />} />
      <Route path="areas/:code" element={<PopulationPage />} />
      <Route path="areas/:code/patients" element={<CaseFindingPage />} />
      <Route path="model" element={<ModelPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
