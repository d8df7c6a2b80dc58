// Stakeholder survey submissions, written in batches: submissions that arrive while a write is under way
// are checked together and written by one SQL statement, so 200 people answering at once cost a handful of
// round trips rather than 400. Each submission still succeeds or fails on its own: the statement spends a
// token only where it was unspent (a second use gets 409), and stores the answers against a random
// response id with the PCT and group only — never the stakeholder, the token or a time. One instance per
// app (created by the survey routes); several processes may run side by side.
import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import type { Survey } from './framework.ts';
import { checkAnswers, type AnswerInput } from './survey-answers.ts';

export type { AnswerInput } from './survey-answers.ts';
export type SurveyCache = Map<string, Survey>;

interface Pending { hash: string; answers: AnswerInput[]; now: Date; resolve(r: { received: number }): void; reject(e: unknown): void }

const hash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

export class SurveySubmissions {
  private waiting: Pending[] = [];
  private draining = false;

  constructor(private readonly db: Db, private readonly cache: SurveyCache, private readonly maxBatch = 100) {}

  submit(token: string, answers: AnswerInput[], now: Date): Promise<{ received: number }> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ hash: hash(token), answers, now, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, this.maxBatch);
        await this.write(batch).catch((err) => { for (const p of batch) p.reject(err); });
      }
    } finally {
      this.draining = false;
    }
  }

  private async survey(frameworkId: string, version: string): Promise<Survey> {
    const key = `${frameworkId}@${version}`;
    let s = this.cache.get(key);
    if (!s) {
      const { rows } = await this.db.query("SELECT content -> 'survey' AS survey FROM assurance_frameworks WHERE framework_id = $1 AND version = $2", [frameworkId, version]);
      s = rows[0].survey as Survey;
      this.cache.set(key, s);
    }
    return s;
  }

  private async write(batch: Pending[]): Promise<void> {
    const { rows } = await this.db.query({ name: 'assurance-survey-batch-lookup', text:
      `SELECT s.token_hash, s.group_id, c.framework_id, c.framework_version, c.survey_opens, c.survey_closes
         FROM assurance_stakeholders s JOIN assurance_cycles c ON c.id = s.cycle_id WHERE s.token_hash = ANY($1)`,
      values: [batch.map((p) => p.hash)] });
    const found = new Map(rows.map((r) => [r.token_hash as string, r]));
    const ready: { p: Pending; responseId: string; answers: unknown[] }[] = [];
    const seen = new Set<string>();
    for (const p of batch) {
      const r = found.get(p.hash);
      if (!r) { p.reject(new AppError('not_found', 'This survey link is not valid.')); continue; }
      if (seen.has(p.hash)) { p.reject(new AppError('conflict', 'This survey link has already been used. Thank you for your answers.')); continue; }
      seen.add(p.hash);
      const t = p.now.getTime();
      if (t < new Date(r.survey_opens).getTime() || t >= new Date(r.survey_closes).getTime()) {
        p.reject(new AppError('conflict', `The survey is closed (open ${new Date(r.survey_opens).toISOString()} to ${new Date(r.survey_closes).toISOString()}).`));
        continue;
      }
      try {
        const kept = checkAnswers(await this.survey(r.framework_id, r.framework_version), r.group_id, p.answers);
        ready.push({ p, responseId: randomUUID(), answers: kept });
      } catch (e) {
        p.reject(e);
      }
    }
    if (!ready.length) return;
    // One statement: atomic, and each token is spent only where it was unspent. The audit rows use the same
    // columns as recordAudit (no actor: the stakeholder is anonymous).
    const { rows: done } = await this.db.query({ name: 'assurance-survey-batch-write', text:
      `WITH input AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::jsonb[]) AS i(token_hash, response_id, answers)),
       used AS (
         UPDATE assurance_stakeholders s SET responded = true FROM input WHERE s.token_hash = input.token_hash AND NOT s.responded
         RETURNING s.token_hash, s.cycle_id, s.org_code, s.group_id),
       responses AS (
         INSERT INTO assurance_survey_responses (id, cycle_id, org_code, group_id)
         SELECT input.response_id, used.cycle_id, used.org_code, used.group_id FROM used JOIN input USING (token_hash) RETURNING id),
       answers AS (
         INSERT INTO assurance_survey_answers (response_id, item_id, value, text)
         SELECT input.response_id, a.item_id, a.value, a.text
           FROM used JOIN input USING (token_hash), jsonb_to_recordset(input.answers) AS a(item_id text, value smallint, text text)
         RETURNING response_id),
       audit AS (
         INSERT INTO audit_log (actor_id, actor_email, action, object_type, object_id, org_code, before, after)
         SELECT NULL, NULL, 'assurance.survey.response', 'assurance_survey', cycle_id || ':' || org_code, org_code, NULL, jsonb_build_object('group', group_id)
           FROM used RETURNING 1)
       SELECT used.token_hash, (SELECT count(*) FROM answers WHERE answers.response_id = input.response_id) AS received,
              (SELECT count(*) FROM responses) + (SELECT count(*) FROM audit) AS written
         FROM used JOIN input USING (token_hash)`,
      values: [ready.map((x) => x.p.hash), ready.map((x) => x.responseId), ready.map((x) => JSON.stringify(x.answers))] });
    const received = new Map(done.map((r) => [r.token_hash as string, Number(r.received)]));
    for (const x of ready) {
      const n = received.get(x.p.hash);
      if (n === undefined) x.p.reject(new AppError('conflict', 'This survey link has already been used. Thank you for your answers.'));
      else x.p.resolve({ received: n });
    }
  }
}
