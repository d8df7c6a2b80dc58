// The needs-assessment report as PDF (pdfkit), charts drawn from the same Vega-Lite specifications as
// the screen, rendered to SVG on the server and placed with svg-to-pdfkit.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Db } from '../platform/db.ts';
import type { Principal } from '../platform/auth/policy.ts';
import { spineChart } from '../web/charts/profile-charts.ts';
import { inequalitiesChart, trendChart } from '../web/charts/area-charts.ts';
import { ASSURANCE_LABELS, outcomeStyle, TRAJECTORY_STYLES, TREND_LABELS } from '../web/charts/colours.ts';
import type { ChartBundle } from '../web/charts/frame.ts';
import { needsAssessment } from './report-service.ts';
import { trendOf } from './trend-service.ts';
import { renderSvg } from './render.ts';

const LEFT = 50, WIDTH = 495, BOTTOM = 790;
const fmt = (v: number | null | undefined, dp = 1) => (v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(dp));

async function chart(doc: PDFKit.PDFDocument, bundle: ChartBundle): Promise<void> {
  const svg = await renderSvg(bundle.spec);
  const m = /<svg[^>]*width="([\d.]+)"[^>]*height="([\d.]+)"/.exec(svg);
  const w = m ? Number(m[1]) : 640, h = m ? Number(m[2]) : 400;
  const scale = Math.min(1, WIDTH / w);
  let height = h * scale;
  if (height > BOTTOM - 60) height = BOTTOM - 60;
  if (doc.y + height > BOTTOM) doc.addPage();
  SVGtoPDF(doc, svg, LEFT, doc.y, { width: WIDTH, height, preserveAspectRatio: 'xMinYMin meet' });
  doc.y += height + 10;
  doc.x = LEFT;
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > BOTTOM - 80) doc.addPage();
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(15).fillColor('#005eb8').text(text, LEFT).fillColor('#212b32').font('Helvetica').fontSize(10).moveDown(0.3);
}

function line(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > BOTTOM - 20) doc.addPage();
  doc.font('Helvetica').fontSize(10).text(text, LEFT, doc.y, { width: WIDTH });
}

export async function needsAssessmentPdf(db: Db, principal: Principal | null, code: string, period?: string): Promise<Buffer> {
  const na = await needsAssessment(db, principal, code, period);
  const { profile } = na;
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Needs assessment: ${profile.area.name}`, Author: 'wcc' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.font('Helvetica-Bold').fontSize(22).fillColor('#005eb8').text(`Needs assessment: ${profile.area.name} (${profile.area.code})`);
  doc.font('Helvetica').fontSize(11).fillColor('#4c6272')
    .text(`${profile.area.parentName ?? ''} · Period ${profile.period ?? 'none'} · Benchmark England · 95% and 99.8% confidence`).fillColor('#212b32').moveDown();
  line(doc, `Of ${profile.rows.length} indicators, ${na.counts.worse} are worse than England, ${na.counts.similar} similar and ${na.counts.better} better; ` +
    `${na.counts.redRed} are worse than England and getting worse.`);

  heading(doc, '1. Profile');
  if (profile.rows.length) await chart(doc, spineChart(profile));

  heading(doc, '2. Top concerns');
  if (!na.concerns.length) line(doc, 'No indicator is worse than England in this period.');
  for (const c of na.concerns) {
    line(doc, `• ${c.title}: ${fmt(c.value)} (95% CI ${fmt(c.lower95)}–${fmt(c.upper95)}) against England ${fmt(c.englandValue)}; ` +
      `${outcomeStyle(c.comparison).label.toLowerCase()}; trend ${TREND_LABELS[c.trend]?.toLowerCase() ?? c.trend}${c.redRed ? ' — worse and getting worse' : ''}.`);
  }
  for (const c of na.concerns.slice(0, 2)) await chart(doc, trendChart(await trendOf(db, profile.area.code, c.indicatorId)));

  heading(doc, '3. Inequalities');
  for (const g of na.inequalities?.lifeExpectancyGap ?? []) {
    if (g.value !== null) line(doc, `• ${g.title}: ${fmt(g.value)} years (95% CI ${fmt(g.lower95)}–${fmt(g.upper95)}).`);
  }
  if (na.inequalities?.segments.length) await chart(doc, inequalitiesChart(na.inequalities));
  else line(doc, 'No deprivation breakdown is available for the top concern.');

  heading(doc, '4. Chosen outcomes and trajectories');
  if (na.outcomesNote) line(doc, na.outcomesNote);
  if (na.outcomes?.rows.length) {
    line(doc, `Cycle ${na.outcomes.cycle.year} · selection ${na.outcomes.status} · baseline ${na.outcomes.cycle.baselinePeriod} · ${na.outcomes.cycle.trajectoryYears}-year trajectories.`);
    for (const r of na.outcomes.rows) {
      line(doc, `• ${r.title}${r.mandated ? ' (mandated)' : ''}: baseline ${fmt(r.baselineValue)}, target ${fmt(r.targetValue)}; ` +
        `latest ${fmt(r.latestValue)} (${r.latestPeriod ?? 'none'}) against milestone ${fmt(r.milestone)}: ${TRAJECTORY_STYLES[r.status].label.toLowerCase()}` +
        `${r.assurance ? `; ${ASSURANCE_LABELS[r.assurance].label.toLowerCase()}` : ''}; projected ${fmt(r.projectedFinal)} by ${r.finalPeriodYear}.`);
    }
    for (const r of na.outcomes.rows.slice(0, 4)) await chart(doc, trendChart(await trendOf(db, profile.area.code, r.indicatorId)));
  }
  doc.moveDown().fontSize(8).fillColor('#4c6272').text('Source: wcc indicator engine (HES, ONS deaths and population). Generated by wcc.', LEFT);
  doc.end();
  return done;
}
