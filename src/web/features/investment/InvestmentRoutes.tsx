// The investment pages under /investment: rounds, programme budget, a round with its options,
// criteria, panel scoring and optimisation, the five-year plan and the board paper.
import { Route, Routes } from 'react-router-dom';
import { RoundsPage } from './RoundsPage.tsx';
import { ProgrammeBudgetPage } from './ProgrammeBudgetPage.tsx';
import { RoundPage } from './RoundPage.tsx';
import { OptionFormPage } from './OptionFormPage.tsx';
import { CriteriaPage } from './CriteriaPage.tsx';
import { PanelPage } from './PanelPage.tsx';
import { PlanPage } from './PlanPage.tsx';
import { BoardPaperPage } from './BoardPaperPage.tsx';
import { NotFoundPage } from '../../pages/NotFoundPage.tsx';

export function InvestmentRoutes() {
  return (
    <Routes>
      <Route index element={<RoundsPage />} />
      <Route path="programme-budget" element={<ProgrammeBudgetPage />} />
      <Route path="rounds/:id" element={<RoundPage />} />
      <Route path="rounds/:id/options/new" element={<OptionFormPage />} />
      <Route path="rounds/:id/criteria" element={<CriteriaPage />} />
      <Route path="rounds/:id/panel" element={<PanelPage />} />
      <Route path="rounds/:id/plan" element={<PlanPage />} />
      <Route path="rounds/:id/board-paper" element={<BoardPaperPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
