import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderReportPdf, selfPanelSvg } from './report-pdf.ts';
import type { PanelReport } from './report-service.ts';

const report: PanelReport = {
  year: '2009-10', orgCode: '5C2', orgName: 'Barking & Dagenham PCT', shaCode: 'Q36', published: true,
  overview: 'A clear strategy.', recommendations: ['One', 'Two', 'Three'], outcomesComment: 'Stretching.', developmentPriorities: 'JSNA.',
  competencies: [{ number: 1, title: 'Locally lead the NHS', level: 2 }],
  governance: [{ area: 'strategy', title: 'Strategy', rating: 'green', subIndicators: [{ id: 'S1', title: 'Plan', rag: 'green' }] }],
  governanceOverall: 'green',
  selfVsPanel: { rows: [{ number: 1, title: 'Locally lead the NHS', self: 3, panel: 2, difference: -1 }], panelBelowSelf: 1, panelAboveSelf: 0, agreed: 0, meanDifference: -1 },
  autonomy: { status: 'support', offers: ['Support package'], reasons: [] }, weakest: [{ number: 1, title: 'Locally lead the NHS', level: 2 }],
  outcomes: { period: '2009-10', better: 3, similar: 5, worse: 2, notCompared: 0 },
};

test('the self-against-panel chart is an SVG with its title, period and source, and both series in the legend', async () => {
  const svg = await selfPanelSvg(report);
  assert.match(svg, /^<svg/);
  assert.match(svg, /Self-assessment against panel assessment/);
  assert.match(svg, /2009-10\. Source: WCC assurance panel/);
  assert.match(svg, /Panel \(agreed\)/);
});

test('the report renders as a PDF', async () => {
  const pdf = await renderReportPdf(report);
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 5000);
});
