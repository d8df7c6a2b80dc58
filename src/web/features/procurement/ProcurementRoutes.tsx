// The pages of buying, sharing and building support, under /procurement (one entry in the shell).
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { SupportPage } from '../support/SupportPage.tsx';
import { LearningSetPage } from '../support/LearningSetPage.tsx';
import { BidPage } from './BidPage.tsx';
import { CompetitionPage } from './CompetitionPage.tsx';
import { ContractPage } from './ContractPage.tsx';
import { ContractsPage } from './ContractsPage.tsx';
import { NewCompetitionPage } from './NewCompetitionPage.tsx';
import { ProcurementHomePage } from './ProcurementHomePage.tsx';
import { FrameworkPage } from './FrameworkPage.tsx';
import { NewFrameworkPage } from './NewFrameworkPage.tsx';
import { SupplierFilesPage } from './SupplierFilesPage.tsx';

export function ProcurementRoutes() {
  return (
    <Routes>
      <Route index element={<ProcurementHomePage />} />
      <Route path="competitions/new" element={<NewCompetitionPage />} />
      <Route path="frameworks/new" element={<NewFrameworkPage />} />
      <Route path="frameworks/:id" element={<FrameworkPage />} />
      <Route path="suppliers/:supplierId" element={<SupplierFilesPage />} />
      <Route path="competitions/:id" element={<CompetitionPage />} />
      <Route path="competitions/:id/bids/:supplierId" element={<BidPage />} />
      <Route path="contracts" element={<ContractsPage />} />
      <Route path="contracts/:id" element={<ContractPage />} />
      <Route path="support" element={<SupportPage />} />
      <Route path="support/learning-sets/:id" element={<LearningSetPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
