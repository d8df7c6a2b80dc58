// Recommends the framework lots, case studies, learning sets and events that address a PCT's weakest
// competencies, and shows the uptake of support against the change in scores the next year.
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { authorize, readableScope, type Principal } from '../platform/auth/policy.ts';
import { competencyScoresByYear, latestCompetencyScores } from './competency-scores.ts';
import { matchOffers, meanChange, weakestCompetencies } from './matching.ts';

export async function recommendationsFor(db: Db, p: Principal | null, pctCode: string) {
  const sha = (await db.query('SELECT parent_code FROM organisation_hierarchy WHERE child_code = $1 ORDER BY valid_from DESC LIMIT 1', [pctCode])).rows[0]?.parent_code ?? null;
  authorize(p, 'org-data:read', { orgCode: pctCode, shaCode: sha });
  const latest = await latestCompetencyScores(db, pctCode);
  if (!latest) throw new AppError('not_found', `There are no competency scores for ${pctCode} yet.`);
  const weak = weakestCompetencies(latest.scores);
  const lots = (await db.query(`SELECT framework_id || '/' || lot_code AS id, framework_id, lot_code, title, competencies FROM procurement_lots`)).rows
    .map((r) => ({ id: r.id, frameworkId: r.framework_id, lotCode: r.lot_code, title: r.title, competencies: r.competencies as number[] }));
  const cases = (await db.query(`SELECT id, title, summary, competencies FROM support_case_studies WHERE status = 'approved'`)).rows
    .map((r) => ({ id: r.id, title: r.title, summary: r.summary, competencies: r.competencies as number[] }));
  const events = (await db.query(`SELECT id, title, starts_at, competencies FROM support_events WHERE starts_at > now() - interval '1 day'`)).rows
    .map((r) => ({ id: r.id, title: r.title, startsAt: r.starts_at.toISOString(), competencies: r.competencies as number[] }));
  // Sets are private to members: the PCT sees the titles and focus of sets it could ask to join, not their notes.
  const sets = (await db.query(`SELECT id, title, focus, competencies FROM support_learning_sets`)).rows
    .map((r) => ({ id: r.id, title: r.title, focus: r.focus, competencies: r.competencies as number[] }));
  return {
    pctCode, year: latest.year, source: latest.source, scores: latest.scores, weakest: weak,
    lots: matchOffers(weak, lots), caseStudies: matchOffers(weak, cases).slice(0, 10), events: matchOffers(weak, events), learningSets: matchOffers(weak, sets),
  };
}

/** Per PCT in scope: support taken up in a year against the change in competency levels the next year. */
export async function uptakeAgainstChange(db: Db, p: Principal | null) {
  const scope = readableScope(p);
  if (!p) throw new AppError('unauthorised', 'Sign in to do this.');
  const pcts = (await db.query(
    `SELECT DISTINCT pct_code FROM support_competency_scores
      UNION SELECT DISTINCT org_code FROM assurance_agreed_scores WHERE item_kind = 'competency'`)).rows.map((r) => r.pct_code as string);
  const visible = [];
  for (const code of pcts) {
    const sha = (await db.query('SELECT parent_code FROM organisation_hierarchy WHERE child_code = $1 ORDER BY valid_from DESC LIMIT 1', [code])).rows[0]?.parent_code;
    if (scope.all || scope.orgCodes.includes(code) || scope.shaCodes.includes(sha)) visible.push(code);
  }
  const out = [];
  for (const code of visible.sort()) {
    const years = await competencyScoresByYear(db, code);
    for (let i = 0; i + 1 < years.length; i++) {
      const y = years[i]!.year;
      const start = `${y.slice(0, 4)}-04-01`, end = `${Number(y.slice(0, 4)) + 1}-04-01`;
      const u = (await db.query(
        `SELECT (SELECT count(*) FROM support_event_registrations r JOIN support_events e ON e.id = r.event_id
                  WHERE r.pct_code = $1 AND e.starts_at >= $2::date AND e.starts_at < $3::date)::int AS events,
                (SELECT count(*) FROM support_learning_set_pcts m JOIN support_learning_sets s ON s.id = m.set_id
                  WHERE m.pct_code = $1 AND s.created_at < $3::date)::int AS sets,
                (SELECT count(*) FROM procurement_contracts k WHERE k.pct_code = $1 AND k.starts_on < $3::date AND k.ends_on >= $2::date)::int AS contracts`,
        [code, start, end])).rows[0];
      out.push({ pctCode: code, year: y, nextYear: years[i + 1]!.year, uptake: { events: u.events, learningSets: u.sets, contracts: u.contracts },
        totalUptake: u.events + u.sets + u.contracts, meanLevelChange: meanChange(years[i]!.scores, years[i + 1]!.scores) });
    }
  }
  return out;
}
