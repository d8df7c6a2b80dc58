// The board paper as a PDF (PDFKit, A4): text and tables drawn directly, charts as SVG from Vega-Lite
// drawn with svg-to-pdfkit. Money in £, cost per QALY against the round's threshold range.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { BoardPaper } from './board-paper.ts';
import { costEffectivenessLabels } from './appraisal.ts';
import { renderSvg } from './charts.ts';
import { boardPaperChart } from './board-paper-charts.ts';

const gbp = (n: number) => `${n < 0 ? '-' : ''}£${Math.abs(Math.round(n)).toLocaleString('en-GB')}`;
const gbpM = (n: number) => `${n < 0 ? '-' : ''}£${(Math.abs(n) / 1e6).toFixed(2)}m`;
const num = (n: number, d = 1) => n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });

type Doc = PDFKit.PDFDocument;
const LEFT = 50, WIDTH = 495, BOTTOM = 780;

function heading(doc: Doc, text: string): void {
  if (doc.y > BOTTOM - 80) doc.addPage();
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#005eb8').text(text, LEFT).fillColor('black').font('Helvetica').fontSize(9).moveDown(0.3);
}

function table(doc: Doc, headers: string[], widths: number[], rows: string[][]): void {
  const draw = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 4 }))) + 4;
    if (doc.y + h > BOTTOM) { doc.addPage(); if (!bold) draw(headers, true); }
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    const y = doc.y;
    let x = LEFT;
    cells.forEach((c, i) => { doc.text(c, x + 2, y + 2, { width: widths[i]! - 4 }); x += widths[i]!; });
    doc.moveTo(LEFT, y + h).lineTo(LEFT + widths.reduce((a, b) => a + b, 0), y + h).strokeColor(bold ? '#425563' : '#d8dde0').lineWidth(0.5).stroke();
    doc.x = LEFT; doc.y = y + h;
  };
  draw(headers, true);
  rows.forEach((r) => draw(r, false));
  doc.font('Helvetica').fontSize(9).moveDown(0.5);
}

async function chart(doc: Doc, spec: Record<string, unknown>): Promise<void> {
  const svg = await renderSvg(spec);
  const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  const w = m ? Number(m[1]) : 600, h = m ? Number(m[2]) : 300;
  const height = (WIDTH / w) * h;
  if (doc.y + height > BOTTOM) doc.addPage();
  SVGtoPDF(doc, svg, LEFT, doc.y, { width: WIDTH, height });
  doc.y += height + 8; doc.x = LEFT;
}

export async function renderBoardPaperPdf(paper: BoardPaper): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 40, left: LEFT, right: 50 }, info: { Title: `Board paper: ${paper.detail.round.title}`, Author: paper.orgName } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const { round, options, criteria } = paper.detail;
  const opt = paper.optimisation, mc = paper.monteCarlo;
  const chosen = new Set(opt?.chosen ?? []);
  const pIn = new Map((mc?.optionCodes ?? []).map((c, i) => [c, mc!.probabilityIn[i]!]));

  doc.font('Helvetica').fontSize(9).fillColor('#425563').text(`${paper.orgName} (${round.orgCode}) · Board paper · ${paper.generatedAt.slice(0, 10)}`);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('black').text(round.title);
  doc.font('Helvetica').fontSize(10).moveDown(0.3).text(
    `Purpose: to ask the board to approve the investment and disinvestment portfolio for ${paper.years[0]} to ${paper.years[4]}, chosen by programme budgeting and marginal analysis within the budget for each year, and the five-year financial plan that funds it.`);

  heading(doc, '1. Summary');
  const lines = [
    `Objective: maximise ${round.objective === 'qalys' ? 'health gain (QALYs, likely values)' : 'weighted value (agreed panel scores x swing weights)'} within each year's budget (${round.budgets.map(gbpM).join(', ')}).`,
    opt ? `Optimal portfolio (proven optimal by mixed-integer programming): ${opt.chosen.length} of ${options.length} options, ${num(opt.objective)} ${round.objective === 'qalys' ? 'QALYs' : 'value points'}; ${opt.chosen.join(', ')}.` : 'The optimiser has not been run for this round.',
    mc ? `Sensitivity: ${mc.draws.toLocaleString('en-GB')} Monte Carlo draws (${mc.shape.toUpperCase()}, seed ${mc.seed}); total value 5th–95th percentile ${num(mc.objective.p5)}–${num(mc.objective.p95)}.` : 'No Monte Carlo sensitivity has been run.',
    paper.plan ? `Five-year plan: ${paper.plan.affordability.affordable ? 'affordable on the central scenario' : `not affordable: ${paper.plan.affordability.reasons.join('; ')}`}. Financial risk rating ${paper.plan.risk.rating} (${paper.plan.risk.label}, ${paper.plan.risk.rag.toUpperCase()}).` : 'No five-year plan is linked to this round.',
  ];
  lines.forEach((l) => doc.text(`•  ${l}`, { indent: 0 }).moveDown(0.2));

  heading(doc, '2. Options appraised');
  table(doc, ['Code', 'Option', 'Prog.', '5-year net cost', 'QALYs low / likely / high', '£ per QALY', 'Judgement', 'Value', 'In?', 'P(in)'],
    [38, 120, 28, 56, 62, 50, 60, 30, 22, 29],
    options.map((o) => [o.code, o.title, o.programme, gbp(o.totalCost), `${num(o.qalyLow)} / ${num(o.qalyLikely)} / ${num(o.qalyHigh)}`,
      o.costPerQaly === null ? '-' : gbp(o.costPerQaly), costEffectivenessLabels[o.costEffectiveness], o.weightedValue === null ? '-' : num(o.weightedValue, 0),
      opt ? (chosen.has(o.code) ? 'Yes' : 'No') : '-', pIn.has(o.code) ? `${Math.round(pIn.get(o.code)! * 100)}%` : '-']));
  doc.text(`Threshold range £${round.thresholdLow.toLocaleString('en-GB')}–£${round.thresholdHigh.toLocaleString('en-GB')} per QALY. Disinvestments are judged by the saving per QALY forgone.`);

  heading(doc, '3. Criteria, weights and agreed scores');
  table(doc, ['Criterion', 'Swing points', 'Weight', 'Description'], [120, 60, 50, 265],
    criteria.map((c) => [c.name, num(c.swingPoints, 0), `${Math.round(c.weight * 100)}%`, c.description]));
  if (paper.agreed.length) {
    const score = new Map(paper.agreed.map((a) => [`${a.optionId}|${a.criterion}`, a.score]));
    const w = Math.floor(260 / Math.max(1, criteria.length));
    table(doc, ['Agreed scores (0-10)', ...criteria.map((c) => c.name), 'Weighted value'], [140, ...criteria.map(() => w), 495 - 140 - w * criteria.length],
      options.map((o) => [`${o.code}`, ...criteria.map((c) => String(score.get(`${o.id}|${c.code}`) ?? '-')), o.weightedValue === null ? '-' : num(o.weightedValue, 0)]));
    const rationales = [...new Set(paper.agreed.map((a) => a.rationale))];
    doc.text(`Rationale recorded by the chair: ${rationales.slice(0, 6).join(' / ')}${rationales.length > 6 ? ` (and ${rationales.length - 6} more, in the web page)` : ''}`);
  }

  if (opt) {
    heading(doc, '4. The optimal portfolio and the margin');
    table(doc, ['Year', 'Budget', 'Spend', 'Headroom', 'Value of £1m more (portfolio kept)', 'LP relaxation'], [60, 80, 80, 80, 110, 85],
      opt.budgets.map((b) => [paper.years[b.year]!, gbp(b.budget), gbp(b.spend), gbp(b.slack), num(b.shadowPrice * 1e6, 2), num(b.relaxedShadowPrice * 1e6, 2)]));
    doc.text(`Value of £1m more in every year at once: ${num(opt.allYearsShadowPrice * 1e6, 2)} ${round.objective === 'qalys' ? 'QALYs' : 'points'}.`).moveDown(0.2);
    doc.text('The value of more money is measured by re-solving with £1,000 more in that year, keeping the chosen options and letting left-out options be bought in part: an honest marginal rate, not a promise that a whole option would fit.').moveDown(0.3);
    doc.text(`In at the margin (least value per £, first to go if money were cut): ${opt.marginalIn.map((m) => m.id).join(', ') || 'none'}.`);
    doc.text(`Out at the margin (most value per £ among those left out): ${opt.marginalOut.map((m) => m.id).join(', ') || 'none'}.`);
    await chart(doc, boardPaperChart(paper, 'cost-per-qaly')!);
  }
  if (mc) {
    heading(doc, '5. Sensitivity (Monte Carlo)');
    doc.text(`QALYs and costs drawn from each option's low/likely/high range (${mc.shape.toUpperCase()}), ${mc.solved} of ${mc.draws} draws feasible; each draw re-optimised exactly.`);
    await chart(doc, boardPaperChart(paper, 'probability')!);
  }
  if (paper.plan) {
    const plan = paper.plan;
    heading(doc, '6. Five-year financial plan');
    const central = plan.scenarios.find((s) => s.name === 'central') ?? plan.scenarios[0]!;
    const row = (label: string, pick: (y: (typeof central.years)[number]) => number) => [label, ...central.years.map((y) => gbpM(pick(y)))];
    table(doc, ['Central scenario', ...plan.years], [135, 72, 72, 72, 72, 72], [
      row('Allocation', (y) => y.allocation), row('Non-recurring income', (y) => y.nonRecurringIncome), row('Baseline spend', (y) => y.baseline),
      row('Investments (recurring)', (y) => y.investmentRecurring), row('Investments (non-recurring)', (y) => y.investmentNonRecurring),
      row('Efficiency savings', (y) => -y.efficiency), row('Contingency', (y) => y.contingency), row('Surplus / (deficit)', (y) => y.surplus),
      [' as % of allocation', ...central.years.map((y) => `${num(y.surplusPct, 2)}%`)],
    ]);
    table(doc, ['Scenario', ...plan.years], [135, 72, 72, 72, 72, 72], plan.scenarios.map((s) => [`Surplus: ${s.name}`, ...s.years.map((y) => gbpM(y.surplus))]));
    doc.text(`Affordability: ${plan.affordability.affordable ? 'affordable' : plan.affordability.reasons.join('; ')}. Financial risk rating ${plan.risk.rating} of 4 (${plan.risk.label}, ${plan.risk.rag}): ${plan.risk.reasons.join('; ')}.`);
    await chart(doc, boardPaperChart(paper, 'surplus')!);
  }
  heading(doc, '7. Expected effect on our chosen outcomes');
  if (!paper.outcomeEffects.length) doc.text('The round names no outcomes.');
  else table(doc, ['Outcome indicator', 'Baseline', ...paper.years, 'From'], [120, 55, 45, 45, 45, 45, 45, 95],
    paper.outcomeEffects.map((e) => [e.indicatorId, e.baseline === null ? '-' : `${num(e.baseline)} (${e.baselinePeriod})`, ...e.changeByYear.map((v) => (v === 0 ? '0' : `${v > 0 ? '+' : ''}${num(v, 2)}`)), e.contributors.join(', ') || 'no chosen option']));
  doc.text('Changes are the sums of the chosen options\' expected trajectories (assumed additive), against the latest value held for the PCT.');
  doc.end();
  return done;
}
