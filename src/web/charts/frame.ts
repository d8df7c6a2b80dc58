// What every chart carries, screen and print alike: a title, subtitle lines for the period, benchmark
// and confidence level, the source, and the table that is its accessible alternative and its CSV.
export type VlSpec = Record<string, unknown>;

export interface ChartColumn { key: string; label: string; numeric?: boolean }
export interface ChartTable { caption: string; columns: ChartColumn[]; rows: Record<string, string | number | null>[] }
export interface ChartBundle {
  kind: string; title: string; description: string; fileName: string; spec: VlSpec; table: ChartTable;
}

export const FONT = 'Arial, Helvetica, sans-serif';
export const WIDTH = 640;

export interface FrameText { title: string; period: string; benchmark?: string; confidence?: string; source: string }

export function subtitleLines(f: FrameText): string[] {
  return [
    [`Period: ${f.period}`, f.benchmark ? `Benchmark: ${f.benchmark}` : null].filter(Boolean).join(' · '),
    [f.confidence ? `Confidence: ${f.confidence}` : null, `Source: ${f.source}`].filter(Boolean).join(' · '),
  ];
}

/** Top-level properties shared by every spec: title block, font, background, accessible description. */
export function frame(f: FrameText, description: string): VlSpec & { description: string } {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: f.title, subtitle: subtitleLines(f), anchor: 'start', fontSize: 16, subtitleFontSize: 12, subtitleColor: '#4c6272', offset: 12 },
    description,
    background: '#ffffff',
    padding: 12,
    config: {
      font: FONT, view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12, labelColor: '#212b32', titleColor: '#212b32', gridColor: '#d8dde0' },
      legend: { labelFontSize: 11, titleFontSize: 12, orient: 'bottom', direction: 'horizontal', columns: 3, labelLimit: 0, titleLimit: 0 },
      // No truncation: without a canvas, Vega estimates text widths generously and would cut labels short.
      axisY: { labelLimit: 0 }, axisX: { labelLimit: 0 },
    },
  };
}

export const round = (v: number | null | undefined, dp = 1): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10 ** dp) / 10 ** dp;

export const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** RFC 4180 CSV of a chart's table (headers are the column labels). */
export function tableToCsv(t: ChartTable): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [t.columns.map((c) => esc(c.label)).join(',')];
  for (const r of t.rows) lines.push(t.columns.map((c) => esc(r[c.key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
