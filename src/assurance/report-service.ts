// The panel report for one PCT: overview, 3–5 headline recommendations, the scorecard, self against panel
// assessment, comments on the chosen outcomes, development priorities. The chair or the SHA lead writes the
// text; the rest is computed from the agreed scores. Visible as the PCT's results are (see results-service).
import type { Db } from '../platform/db.ts';
import { withTransaction } from '../platform/db.ts';
import { recordAudit } from '../platform/audit.ts';
import { AppError } from '../platform/errors.ts';
import { can, type Principal } from '../platform/auth/policy.ts';
import { getOrganisation } from '../orgs/index.ts';
import type { Level, Rag } from './framework.ts';
import { scoredCompetencies } from './framework.ts';
import { evaluateGovernance } from './rollup.ts';
import { compareSelfAndPanel, type SelfPanelComparison } from './self-vs-panel.ts';
import { cycleFramework, getCycle } from './cycle-repo.ts';
import { pctTarget, requireSeeAssessment } from './access.ts';
import { published } from './results-service.ts';

export interface ReportText { overview: string; recommendations: string[]; outcomesComment: string; developmentPriorities: string }

export interface PanelReport extends ReportText {
  year: string; orgCode: string; orgName: string; shaCode: string; published: boolean;
  competencies: { number: number; title: string; level: Level | null }[];
  governance: { area: string; title: string; rating: Rag | null; subIndicators: { id: string; title: string; rag: Rag | null }[] }[];
  governanceOverall: Rag | null;
  selfVsPanel: SelfPanelComparison;
  autonomy: { status: string | null; offers: string[]; reasons: string[] } | null;
  weakest: { number: number; title: string; level: Level }[];
  /** Outcome indicators for the cycle's year against England (from the outcomes module's stored values). */
  outcomes: { period: string; better: number; similar: number; worse: number; notCompared: number };
}

export async function getReport(db: Db, principal: Principal | null, cycleRef: string, orgCode: string, now: Date): Promise<PanelReport> {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const isPublic = published(cycle, now);
  if (!isPublic) await requireSeeAssessment(db, principal, cycle.id, t);
  const f = await cycleFramework(db, cycle);
  const { rows: ag } = await db.query('SELECT item_kind, item, level, rag FROM assurance_agreed_scores WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode]);
  const levels: Record<number, Level> = Object.fromEntries(ag.filter((a) => a.item_kind === 'competency').map((a) => [Number(a.item), a.level]));
  const rags: Record<string, Rag> = Object.fromEntries(ag.filter((a) => a.item_kind === 'sub_indicator').map((a) => [a.item, a.rag]));
  const { rows: selfRows } = await db.query(
    `SELECT s.sub_criterion, s.level FROM assurance_self_assessments sa JOIN assurance_self_scores s ON s.self_assessment_id = sa.id
      WHERE sa.cycle_id = $1 AND sa.org_code = $2 AND s.level IS NOT NULL`, [cycle.id, t.orgCode]);
  const gov = evaluateGovernance(f.governance, rags);
  const text = (await db.query('SELECT * FROM assurance_reports WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode])).rows[0];
  const auto = (await db.query('SELECT status, offers, reasons FROM assurance_autonomy WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode])).rows[0];
  const comps = scoredCompetencies(f);
  const { rows: oc } = await db.query(
    `SELECT count(*) FILTER (WHERE compared_to_england ILIKE 'better%') AS better, count(*) FILTER (WHERE compared_to_england ILIKE 'worse%') AS worse,
            count(*) FILTER (WHERE compared_to_england ILIKE 'similar%' OR compared_to_england ILIKE 'not sig%') AS similar, count(*) AS n
       FROM indicator_values WHERE area_type = 'pct' AND area_code = $1 AND period = $2 AND breakdown = 'persons'`, [t.orgCode, cycle.year]);
  const o = oc[0];
  return {
    outcomes: { period: cycle.year, better: o.better, similar: o.similar, worse: o.worse, notCompared: o.n - o.better - o.worse - o.similar },
    year: cycle.year, orgCode: t.orgCode, orgName: (await getOrganisation(db, t.orgCode))?.name ?? t.orgCode, shaCode: t.shaCode, published: isPublic,
    overview: text?.overview ?? '', recommendations: text?.recommendations ?? [], outcomesComment: text?.outcomes_comment ?? '',
    developmentPriorities: text?.development_priorities ?? '',
    competencies: comps.map((c) => ({ number: c.number, title: c.title, level: levels[c.number] ?? null })),
    governance: f.governance.areas.map((a) => ({ area: a.id, title: a.title, rating: gov.areas.find((x) => x.id === a.id)?.rating ?? null,
      subIndicators: a.subIndicators.map((s) => ({ id: s.id, title: s.title, rag: rags[s.id] ?? null })) })),
    governanceOverall: gov.overall,
    selfVsPanel: compareSelfAndPanel(f, Object.fromEntries(selfRows.map((r) => [r.sub_criterion, r.level])), levels),
    autonomy: auto ? { status: auto.status ?? (isPublic ? null : null), offers: auto.status ? auto.offers : [], reasons: auto.status ? auto.reasons : [] } : null,
    weakest: comps.filter((c) => levels[c.number]).sort((a, b) => levels[a.number] - levels[b.number] || a.number - b.number).slice(0, 3)
      .map((c) => ({ number: c.number, title: c.title, level: levels[c.number] })),
  };
}

export async function saveReportText(db: Db, actor: Principal | null, cycleRef: string, orgCode: string, input: ReportText, now: Date) {
  const cycle = await getCycle(db, cycleRef);
  const t = await pctTarget(db, orgCode);
  const chair = actor ? (await db.query('SELECT 1 FROM assurance_panel_members WHERE cycle_id = $1 AND org_code = $2 AND user_id = $3 AND chair', [cycle.id, t.orgCode, actor.userId])).rows.length > 0 : false;
  if (!chair && !can(actor, 'assurance:run', t)) {
    if (!actor) throw new AppError('unauthorised', 'Sign in to do this.');
    throw new AppError('forbidden', 'Only the panel chair or the SHA assurance lead writes the panel report.');
  }
  if (published(cycle, now)) throw new AppError('conflict', 'The report is published and can no longer change.');
  const recs = input.recommendations.map((r) => r.trim()).filter(Boolean);
  if (recs.length < 3 || recs.length > 5) throw new AppError('invalid', 'Write 3 to 5 headline recommendations.', [{ path: 'recommendations', message: '3 to 5 recommendations' }]);
  return withTransaction(db, async (c) => {
    const before = (await c.query('SELECT overview, recommendations, outcomes_comment, development_priorities FROM assurance_reports WHERE cycle_id = $1 AND org_code = $2', [cycle.id, t.orgCode])).rows[0] ?? null;
    await c.query(
      `INSERT INTO assurance_reports (cycle_id, org_code, overview, recommendations, outcomes_comment, development_priorities, updated_by, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (cycle_id, org_code) DO UPDATE SET overview = EXCLUDED.overview, recommendations = EXCLUDED.recommendations,
         outcomes_comment = EXCLUDED.outcomes_comment, development_priorities = EXCLUDED.development_priorities, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [cycle.id, t.orgCode, input.overview.trim(), JSON.stringify(recs), input.outcomesComment.trim(), input.developmentPriorities.trim(), actor!.userId, now]);
    await recordAudit(c, { actor, action: 'assurance.report.write', objectType: 'assurance_report', objectId: `${cycle.id}:${t.orgCode}`, orgCode: t.orgCode, before, after: { ...input, recommendations: recs } });
    return { saved: true };
  });
}
