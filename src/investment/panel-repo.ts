// SQL for panel scoring: each member's own scores, who has submitted, and the agreed scores.
import type pg from 'pg';
import type { Db } from '../platform/db.ts';

type Q = Db | pg.ClientBase;
export interface PanelScore { optionId: number; criterion: string; scorerId: string; scorerName: string; score: number; comment: string }
export interface AgreedScore { optionId: number; criterion: string; score: number; rationale: string; agreedBy: string | null; agreedAt: string }

export async function saveScores(q: Q, roundId: number, scorerId: string, scores: { optionId: number; criterion: string; score: number; comment?: string }[]): Promise<void> {
  for (const s of scores) {
    await q.query(
      `INSERT INTO investment_panel_scores (round_id, option_id, criterion, scorer_id, score, comment) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (option_id, criterion, scorer_id) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment`,
      [roundId, s.optionId, s.criterion, scorerId, s.score, s.comment ?? '']);
  }
}

export async function listScores(q: Q, roundId: number, onlyScorer: string | null): Promise<PanelScore[]> {
  const { rows } = await q.query(
    `SELECT s.option_id, s.criterion, s.scorer_id, u.display_name, s.score, s.comment
       FROM investment_panel_scores s JOIN users u ON u.id = s.scorer_id
      WHERE s.round_id = $1 AND ($2::uuid IS NULL OR s.scorer_id = $2) ORDER BY s.option_id, s.criterion, u.display_name`,
    [roundId, onlyScorer]);
  return rows.map((r) => ({ optionId: Number(r.option_id), criterion: r.criterion, scorerId: r.scorer_id, scorerName: r.display_name, score: Number(r.score), comment: r.comment }));
}

export async function submissions(q: Q, roundId: number): Promise<{ scorerId: string; scorerName: string; submittedAt: string }[]> {
  const { rows } = await q.query(
    `SELECT s.scorer_id, u.display_name, s.submitted_at FROM investment_panel_submissions s JOIN users u ON u.id = s.scorer_id WHERE s.round_id = $1 ORDER BY s.submitted_at`,
    [roundId]);
  return rows.map((r) => ({ scorerId: r.scorer_id, scorerName: r.display_name, submittedAt: r.submitted_at.toISOString() }));
}

export async function markSubmitted(q: Q, roundId: number, scorerId: string): Promise<void> {
  await q.query(`INSERT INTO investment_panel_submissions (round_id, scorer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [roundId, scorerId]);
}

export async function saveAgreed(q: Q, roundId: number, userId: string | null, scores: { optionId: number; criterion: string; score: number; rationale: string }[]): Promise<void> {
  for (const s of scores) {
    await q.query(
      `INSERT INTO investment_agreed_scores (round_id, option_id, criterion, score, rationale, agreed_by) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (option_id, criterion) DO UPDATE SET score = EXCLUDED.score, rationale = EXCLUDED.rationale, agreed_by = EXCLUDED.agreed_by, agreed_at = now()`,
      [roundId, s.optionId, s.criterion, s.score, s.rationale, userId]);
  }
}

export async function listAgreed(q: Q, roundId: number): Promise<AgreedScore[]> {
  const { rows } = await q.query(`SELECT option_id, criterion, score, rationale, agreed_by, agreed_at FROM investment_agreed_scores WHERE round_id = $1 ORDER BY option_id, criterion`, [roundId]);
  return rows.map((r) => ({ optionId: Number(r.option_id), criterion: r.criterion, score: Number(r.score), rationale: r.rationale, agreedBy: r.agreed_by, agreedAt: r.agreed_at.toISOString() }));
}
