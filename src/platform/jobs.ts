// A small PostgreSQL-backed job queue: jobs are rows, workers claim them with FOR UPDATE SKIP LOCKED,
// report progress into the row, and store the result or error there. GET /api/jobs/{id} reads it.
import type { Db } from './db.ts';

export interface JobContext {
  id: string;
  payload: any;
  db: Db;
  progress(done: number, total?: number, message?: string): Promise<void>;
}
export type JobHandler = (ctx: JobContext) => Promise<unknown>;

export interface Job {
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progressDone: number;
  progressTotal: number | null;
  message: string | null;
  result: unknown;
  error: string | null;
  createdBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private running = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly idle = new Set<() => void>();

  constructor(private readonly db: Db, private readonly opts: { concurrency?: number; pollMs?: number } = {}) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  async enqueue(kind: string, payload: unknown, createdBy: string | null): Promise<string> {
    if (!this.handlers.has(kind)) throw new Error(`no job handler is registered for "${kind}"`);
    const { rows } = await this.db.query(
      'INSERT INTO jobs (kind, payload, created_by) VALUES ($1, $2, $3) RETURNING id',
      [kind, JSON.stringify(payload ?? {}), createdBy],
    );
    this.kick();
    return rows[0].id;
  }

  async get(id: string): Promise<Job | null> {
    const { rows } = await this.db.query('SELECT * FROM jobs WHERE id = $1', [id]);
    const r = rows[0];
    if (!r) return null;
    return {
      id: r.id, kind: r.kind, status: r.status, progressDone: r.progress_done, progressTotal: r.progress_total,
      message: r.message, result: r.result, error: r.error, createdBy: r.created_by,
      createdAt: r.created_at.toISOString(), startedAt: r.started_at?.toISOString() ?? null,
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }

  /** Starts polling for work; jobs left running by a stopped or crashed process are queued again. */
  async start(): Promise<void> {
    await this.requeueStale();
    this.stopping = false;
    let polls = 0;
    this.timer = setInterval(() => {
      if (++polls % 60 === 0) void this.requeueStale().catch(() => undefined);
      this.kick();
    }, this.opts.pollMs ?? 1000);
    this.timer.unref();
    this.kick();
  }

  /** A running job whose heartbeat (any progress report) is over two minutes old has lost its worker. */
  private async requeueStale(): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET status = 'queued', started_at = NULL
        WHERE status = 'running' AND heartbeat_at < now() - interval '2 minutes'`,
    );
  }

  /**
   * Stops taking work and waits up to `graceMs` for running jobs. A job still running then is left as
   * it is: it is queued again when its heartbeat goes stale, so handlers must be safe to rerun.
   */
  async stop(graceMs = 5000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.running === 0) return;
    await Promise.race([
      new Promise<void>((resolve) => this.idle.add(resolve)),
      new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
    ]);
  }

  /** Waits until the given job has finished (for the CLI and tests). */
  async waitFor(id: string, pollMs = 100): Promise<Job> {
    for (;;) {
      const job = await this.get(id);
      if (!job) throw new Error(`job ${id} does not exist`);
      if (job.status === 'succeeded' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }

  private kick(): void {
    if (this.stopping) return;
    if (this.running >= (this.opts.concurrency ?? 1)) return;
    this.running++;
    // A failure here (e.g. the pool closed during shutdown) must not become an unhandled rejection.
    void this.runOne().catch(() => undefined).finally(() => {
      this.running--;
      if (this.running === 0) {
        for (const resolve of this.idle) resolve();
        this.idle.clear();
      }
    });
  }

  private async runOne(): Promise<void> {
    const kinds = [...this.handlers.keys()];
    if (kinds.length === 0) return;
    const { rows } = await this.db.query(
      `UPDATE jobs SET status = 'running', started_at = now(), heartbeat_at = now(), attempts = attempts + 1
        WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND kind = ANY($1)
                     ORDER BY created_at FOR UPDATE SKIP LOCKED LIMIT 1)
        RETURNING id, kind, payload`,
      [kinds],
    ).catch(() => ({ rows: [] as any[] }));
    const job = rows[0];
    if (!job) return;
    const handler = this.handlers.get(job.kind)!;
    const ctx: JobContext = {
      id: job.id,
      payload: job.payload,
      db: this.db,
      progress: async (done, total, message) => {
        await this.db.query(
          `UPDATE jobs SET progress_done = $2, progress_total = COALESCE($3, progress_total),
                  message = COALESCE($4, message), heartbeat_at = now() WHERE id = $1`,
          [job.id, done, total ?? null, message ?? null],
        );
      },
    };
    try {
      const result = await handler(ctx);
      await this.db.query(
        `UPDATE jobs SET status = 'succeeded', result = $2, finished_at = now(),
                progress_done = COALESCE(progress_total, progress_done) WHERE id = $1`,
        [job.id, JSON.stringify(result ?? null)],
      );
    } catch (err) {
      await this.db.query(`UPDATE jobs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`, [
        job.id, (err as Error).message,
      ]);
    }
    setImmediate(() => this.kick());
  }
}
