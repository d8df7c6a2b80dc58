// A small per-app cache of rendered views (profile JSON, chart SVG/PNG/CSV), keyed by request and
// checked against the version of the data: the latest computation, import or outcome-selection change
// (trend charts draw the chosen trajectory). Entries also
// expire after a time limit, so a direct write to indicator_values is seen within that limit.
import type { Db } from '../platform/db.ts';

export interface CachedView { body: string | Buffer; type: string; headers?: Record<string, string> }

export class ViewCache {
  private readonly entries = new Map<string, { version: string; at: number; view: Promise<CachedView> }>();
  private checked: { at: number; version: Promise<string> } | null = null;
  /** versionMs: how long one look at the data version is trusted (one query a second at most, not one per request). */
  constructor(private readonly db: Db, private readonly maxEntries = 500, private readonly ttlMs = 5 * 60_000, private readonly versionMs = 1000) {}

  /** The data version: when indicator values or selections last changed through the engine, an import or the workflow. */
  version(): Promise<string> {
    if (this.checked && Date.now() - this.checked.at < this.versionMs) return this.checked.version;
    const version = this.readVersion();
    this.checked = { at: Date.now(), version };
    version.catch(() => { this.checked = null; });
    return version;
  }

  private async readVersion(): Promise<string> {
    const { rows } = await this.db.query(
      `SELECT (SELECT max(computed_at) FROM indicator_computations)::text AS c, (SELECT max(created_at) FROM data_imports)::text AS i,
              (SELECT max(updated_at) FROM outcome_selections)::text AS s`);
    return `${rows[0].c ?? ''}|${rows[0].i ?? ''}|${rows[0].s ?? ''}`;
  }

  async get(key: string, build: () => Promise<CachedView>): Promise<CachedView> {
    const version = await this.version();
    const hit = this.entries.get(key);
    if (hit && hit.version === version && Date.now() - hit.at < this.ttlMs) {
      this.entries.delete(key); // refresh its place in the LRU order
      this.entries.set(key, hit);
      return hit.view;
    }
    // The promise is stored at once, so concurrent requests for the same view share one build.
    const view = build();
    const entry = { version, at: Date.now(), view };
    this.entries.set(key, entry);
    view.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return view;
  }

  clear(): void {
    this.entries.clear();
    this.checked = null;
  }
}
