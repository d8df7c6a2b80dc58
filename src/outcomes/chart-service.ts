// One chart of an area by kind: gathers the view through the same services as the JSON API and builds
// its Vega-Lite specification and table (src/web/charts), for the page, the exports and the report.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { spineChart, heatmapChart, pyramidChart } from '../web/charts/profile-charts.ts';
import { pyramidOf } from './pyramid-service.ts';
import { compareChart, funnelChart, inequalitiesChart, trendChart } from '../web/charts/area-charts.ts';
import type { ChartBundle } from '../web/charts/frame.ts';
import { getProfile } from './profile-service.ts';
import { compareAreas, type CompareGroup } from './compare-service.ts';
import { trendOf } from './trend-service.ts';
import { inequalitiesOf } from './inequalities-service.ts';
import { heatmapOf } from './heatmap-service.ts';
import type { BenchmarkKind } from './model-types.ts';

export type ChartKind = 'spine' | 'compare' | 'funnel' | 'trend' | 'inequalities' | 'heatmap' | 'pyramid';
export interface ChartQuery { period?: string; benchmark?: BenchmarkKind; indicator?: string; group?: CompareGroup; overdispersion?: boolean }

function needIndicator(q: ChartQuery): string {
  if (!q.indicator) throw new AppError('invalid', 'Choose an indicator for this chart.', [{ path: '/indicator', message: 'Choose an indicator' }]);
  return q.indicator;
}

export async function buildChart(db: Db, code: string, kind: ChartKind, q: ChartQuery, dataDir = ''): Promise<ChartBundle> {
  switch (kind) {
    case 'pyramid':
      return pyramidChart(await pyramidOf(db, dataDir, code, q.period));
    case 'spine':
      return spineChart(await getProfile(db, code, q));
    case 'heatmap':
      return heatmapChart(await heatmapOf(db, code, q));
    case 'compare':
      return compareChart(await compareAreas(db, code, { ...q, indicator: needIndicator(q) }));
    case 'funnel': {
      const c = await compareAreas(db, code, { ...q, indicator: needIndicator(q) });
      const f = funnelChart(c);
      if (!f) throw new AppError('invalid', c.funnelNote ?? 'No funnel plot for this indicator.');
      return f;
    }
    case 'trend':
      return trendChart(await trendOf(db, code, needIndicator(q)));
    case 'inequalities':
      return inequalitiesChart(await inequalitiesOf(db, code, { indicator: needIndicator(q), period: q.period }));
  }
}
