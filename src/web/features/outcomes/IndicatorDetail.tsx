// One indicator in depth on the area page: compare areas with confidence intervals, the funnel plot
// (with the overdispersion option), the trend with SPC and target, and inequalities by deprivation.
import type { Profile } from './api.ts';
import { Select } from '../../components/Select.tsx';
import { ChartFigure } from './ChartFigure.tsx';

export function IndicatorDetail({ profile: p, indicator, params, onChange }: {
  profile: Profile; indicator: string; params: URLSearchParams; onChange(key: string, value: string): void;
}) {
  const isPct = p.area.type === 'pct';
  const group = params.get('group') ?? (isPct ? 'sha' : 'all');
  const od = params.get('overdispersion') === 'true';
  const q = { indicator, period: p.period!, group, overdispersion: od || undefined };
  const groups = [...(p.area.type !== 'england' ? [{ value: 'sha', text: isPct ? `PCTs in ${p.area.parentName ?? 'its SHA'}` : `PCTs in ${p.area.name}` }] : []),
    { value: 'all', text: 'All PCTs in England' }, ...(isPct ? [{ value: 'peers', text: 'This PCT and its statistical peers' }] : [])];
  return (
    <section id="indicator">
      <h2>One indicator in depth</h2>
      <div className="nhsuk-grid-row wcc-no-print">
        <div className="nhsuk-grid-column-one-half">
          <Select id="indicator-choice" name="indicator" label={{ text: 'Indicator' }} value={indicator} onChange={(v) => onChange('indicator', v)}
            items={p.rows.map((r) => ({ value: r.indicatorId, text: r.title }))} />
        </div>
        <div className="nhsuk-grid-column-one-half">
          <Select id="group" name="group" label={{ text: 'Compare across' }} value={group} onChange={(v) => onChange('group', v)} items={groups} />
        </div>
      </div>
      <div className="nhsuk-form-group wcc-no-print">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
          <input className="nhsuk-checkboxes__input" id="overdispersion" type="checkbox" checked={od} onChange={(e) => onChange('overdispersion', String(e.target.checked))} />
          <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="overdispersion">Widen the funnel for overdispersion (Spiegelhalter)</label>
          </div>
        </div>
      </div>
      <h3>Compared with other areas</h3>
      <ChartFigure code={p.area.code} kind="compare" query={q} lazy />
      <h3>Funnel plot</h3>
      <ChartFigure code={p.area.code} kind="funnel" query={q} lazy />
      <h3>Trend and statistical process control</h3>
      <ChartFigure code={p.area.code} kind="trend" query={{ indicator }} lazy />
      <h3>Inequalities by deprivation</h3>
      <ChartFigure code={p.area.code} kind="inequalities" query={{ indicator, period: p.period! }} lazy />
    </section>
  );
}
