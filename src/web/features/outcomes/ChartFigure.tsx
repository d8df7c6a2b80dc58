// One chart: the server-rendered SVG (the same specification as exports and the PDF), its title and
// description, the data as an accessible table, and CSV / PNG / SVG downloads.
import { useEffect, useRef, useState } from 'react';
import { Details } from '../../components/Details.tsx';
import { Table } from '../../components/Table.tsx';
import { useApi } from '../../app/use-api.ts';
import { chartUrl, getChart } from './api.ts';

export interface ChartFigureProps { code: string; kind: string; query: Record<string, string | boolean | undefined>; lazy?: boolean }

/** Charts further down the page load when they come near the viewport, so the first chart is not kept waiting. */
export function ChartFigure(props: ChartFigureProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(!props.lazy || typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    if (near || !ref.current) return;
    const io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) setNear(true); }, { rootMargin: '300px' });
    io.observe(ref.current);
    return () => io.disconnect();
  }, [near]);
  if (!near) return <div ref={ref} data-chart-placeholder={props.kind} style={{ minHeight: 200 }}><p className="nhsuk-body-s">The {props.kind} chart loads as you scroll to it.</p></div>;
  return <LoadedChart {...props} />;
}

function LoadedChart({ code, kind, query }: ChartFigureProps) {
  const chart = useApi((api) => getChart(api, code, kind, query), [code, kind, JSON.stringify(query)]);
  if (chart.state === 'loading') return <p className="nhsuk-body-s">Loading the {kind} chart…</p>;
  if (chart.state === 'error') return <p className="nhsuk-body-s">The {kind} chart is not available: {chart.error.message}</p>;
  const c = chart.data;
  const url = (f: 'svg' | 'png' | 'csv') => chartUrl(code, kind, query, f);
  return (
    <figure className="nhsuk-u-margin-bottom-6" data-chart={kind} style={{ margin: 0 }}>
      <img src={url('svg')} alt={`${c.title}. ${c.description}`} style={{ maxWidth: '100%', height: 'auto' }} />
      <figcaption className="nhsuk-body-s">{c.description}</figcaption>
      <p className="nhsuk-body-s wcc-no-print">
        Download: <a href={url('csv')} download={`${c.fileName}.csv`}>data (CSV)</a> · <a href={url('png')} download={`${c.fileName}.png`}>image (PNG)</a> · <a href={url('svg')} download={`${c.fileName}.svg`}>image (SVG)</a>
      </p>
      <Details summaryText={`${c.title}: show the data as a table`}>
        <Table caption={c.table.caption} captionSize="s" responsive
          head={c.table.columns.map((col) => ({ text: col.label, format: col.numeric ? 'numeric' as const : undefined }))}
          rows={c.table.rows.map((r, i) => ({ key: String(i), cells: c.table.columns.map((col) => ({ text: r[col.key] ?? '', format: col.numeric ? 'numeric' as const : undefined })) }))} />
      </Details>
    </figure>
  );
}
