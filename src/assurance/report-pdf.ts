// The panel report as a PDF (PDFKit, A4): overview, headline recommendations, the scorecard, self against
// panel assessment (a Vega-Lite chart drawn as SVG, with its table), outcomes comment, development priorities.
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { PanelReport } from './report-service.ts';

type Doc = PDFKit.PDFDocument;
const LEFT = 50, WIDTH = 495, BOTTOM = 780;
const RAG_COLOUR: Record<string, string> = { red: '#d5281b', amber: '#ffb81c', green: '#007f3b' };

export async function selfPanelSvg(r: PanelReport): Promise<string> {
  const values = r.selfVsPanel.rows.flatMap((row) => [
    { competency: String(row.number), assessment: 'Self-assessment', level: row.self },
    { competency: String(row.number), assessment: 'Panel (agreed)', level: row.panel }]).filter((v) => v.level !== null);
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json', config: { font: 'Helvetica', view: { stroke: null } },
    title: { text: 'Self-assessment against panel assessment', subtitle: `${r.orgName}, ${r.year}. Source: WCC assurance panel.` },
    width: 260, height: { step: 9 }, data: { values },
    mark: 'bar',
    encoding: {
      y: { field: 'competency', type: 'nominal', sort: null, title: 'Competency (see the table below)' },
      yOffset: { field: 'assessment', sort: ['Self-assessment', 'Panel (agreed)'] },
      x: { field: 'level', type: 'quantitative', scale: { domain: [0, 4] }, axis: { tickCount: 4, title: 'Level (1 below baseline – 4 world class)' } },
      color: { field: 'assessment', type: 'nominal', scale: { domain: ['Self-assessment', 'Panel (agreed)'], range: ['#768692', '#005eb8'] }, legend: { orient: 'bottom', title: null } },
    },
  };
  const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

function heading(doc: Doc, text: string): void {
  if (doc.y > BOTTOM - 80) doc.addPage();
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(13).fillColor('#005eb8').text(text, LEFT).fillColor('black').font('Helvetica').fontSize(10).moveDown(0.3);
}

function row(doc: Doc, cells: string[], widths: number[], bold = false, fill?: (i: number) => string | undefined): void {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
  const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 6 }))) + 6;
  if (doc.y + h > BOTTOM) doc.addPage();
  const y = doc.y;
  let x = LEFT;
  cells.forEach((c, i) => {
    const colour = fill?.(i);
    if (colour) doc.rect(x + 1, y + 1, widths[i] - 2, h - 2).fill(colour).fillColor(colour === RAG_COLOUR.amber ? 'black' : 'white');
    doc.text(c, x + 3, y + 3, { width: widths[i] - 6 }).fillColor('black');
    x += widths[i];
  });
  doc.moveTo(LEFT, y + h).lineTo(LEFT + widths.reduce((a, b) => a + b, 0), y + h).strokeColor('#d8dde0').lineWidth(0.5).stroke();
  doc.x = LEFT; doc.y = y + h;
}

export async function renderReportPdf(r: PanelReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 40, left: LEFT, right: 50 }, info: { Title: `Panel report: ${r.orgName} ${r.year}`, Author: `${r.shaCode} assurance panel` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica').fontSize(9).fillColor('#425563').text(`World Class Commissioning assurance ${r.year} · ${r.published ? 'Published' : 'Not yet published: confidential to the PCT, its SHA and the national team'}`);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('black').text(`Panel report: ${r.orgName} (${r.orgCode})`);

  heading(doc, 'Overview');
  doc.text(r.overview || 'The panel has not written its overview yet.');
  heading(doc, 'Headline recommendations');
  if (r.recommendations.length) r.recommendations.forEach((t, i) => doc.text(`${i + 1}. ${t}`, { indent: 0 }).moveDown(0.2));
  else doc.text('None recorded yet.');

  heading(doc, 'Scorecard: competencies');
  row(doc, ['Competency', 'Agreed level'], [400, 95], true);
  for (const c of r.competencies) row(doc, [`${c.number}. ${c.title}`, c.level === null ? 'not agreed' : String(c.level)], [400, 95]);
  heading(doc, 'Scorecard: governance');
  row(doc, ['Area / sub-indicator', 'Rating'], [400, 95], true);
  for (const a of r.governance) {
    row(doc, [a.title, a.rating ?? 'not rated'], [400, 95], true, (i) => (i === 1 && a.rating ? RAG_COLOUR[a.rating] : undefined));
    for (const s of a.subIndicators) row(doc, [`   ${s.id} ${s.title}`, s.rag ?? 'not rated'], [400, 95], false, (i) => (i === 1 && s.rag ? RAG_COLOUR[s.rag] : undefined));
  }
  row(doc, ['Governance overall', r.governanceOverall ?? 'not rated'], [400, 95], true, (i) => (i === 1 && r.governanceOverall ? RAG_COLOUR[r.governanceOverall] : undefined));
  if (r.autonomy?.status) { doc.moveDown(0.3).font('Helvetica-Bold').text(`Earned autonomy: ${r.autonomy.status}`).font('Helvetica'); r.autonomy.offers.forEach((o) => doc.text(`• ${o}`)); }

  heading(doc, 'Self-assessment against panel assessment');
  const svg = await selfPanelSvg(r);
  const m = /width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)"/.exec(svg);
  const w = m ? Number(m[1]) : 600, h = m ? Number(m[2]) : 300;
  const height = (WIDTH / w) * h;
  if (doc.y + height > BOTTOM) doc.addPage();
  SVGtoPDF(doc, svg, LEFT, doc.y, { width: WIDTH, height });
  doc.y += height + 8; doc.x = LEFT;
  const s = r.selfVsPanel;
  doc.text(`The panel scored below the self-assessment on ${s.panelBelowSelf} competencies, above it on ${s.panelAboveSelf} and agreed on ${s.agreed}` +
    (s.meanDifference === null ? '.' : ` (mean difference ${s.meanDifference.toFixed(2)} levels).`));
  row(doc, ['Competency', 'Self', 'Panel', 'Difference'], [320, 55, 55, 65], true);
  for (const x of s.rows) row(doc, [`${x.number}. ${x.title}`, String(x.self ?? '–'), String(x.panel ?? '–'), x.difference === null ? '–' : (x.difference > 0 ? '+' : '') + x.difference], [320, 55, 55, 65]);

  heading(doc, 'Outcomes');
  const oc = r.outcomes;
  doc.text(oc.better + oc.similar + oc.worse + oc.notCompared === 0 ? `No outcome indicators are stored for ${oc.period}.`
    : `Indicators for ${oc.period} against England: ${oc.better} better, ${oc.similar} similar, ${oc.worse} worse${oc.notCompared ? `, ${oc.notCompared} not compared` : ''}.`);
  heading(doc, 'Comments on the chosen outcomes');
  doc.text(r.outcomesComment || 'None recorded yet.');
  heading(doc, 'Development priorities');
  doc.text(r.developmentPriorities || 'None recorded yet.');
  if (r.weakest.length) doc.moveDown(0.3).text(`Weakest competencies (support offers are matched to these): ${r.weakest.map((c) => `${c.number}. ${c.title} (level ${c.level})`).join('; ')}.`);
  doc.end();
  return done;
}
