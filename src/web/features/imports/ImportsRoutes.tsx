// The pages under /imports (one for now). App.tsx mounts it as <Route path="imports/*" …>.
import { Route, Routes } from 'react-router-dom';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';
import { ImportsPage } from './ImportsPage.tsx';

export function ImportsRoutes() {
  return (
    <Routes>
      <Route index element={<ImportsPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
