// Resolves the signed-in principal for every request from the session cookie, and enforces CSRF
// protection on state-changing requests that carry a session (a per-session token in a header, and
// a same-origin check).
import fp from 'fastify-plugin';
import type { FastifyPluginAsync } from 'fastify';
import { AppError } from '../errors.ts';
import type { Db } from '../db.ts';
import { sessionFromToken } from './sessions.ts';
import type { Principal } from './policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    sessionToken: string | null;
    csrfToken: string | null;
  }
}

export const SESSION_COOKIE = 'wcc_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const auth: FastifyPluginAsync<{ db: Db }> = async (app, { db }) => {
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await sessionFromToken(db, token);
      if (session) {
        request.principal = session.principal;
        request.sessionToken = token;
        request.csrfToken = session.csrfToken;
      }
    }
    if (SAFE_METHODS.has(request.method) || !request.sessionToken) return;
    const origin = request.headers.origin;
    if (origin && new URL(origin).host !== request.headers.host) {
      throw new AppError('forbidden', 'Cross-site requests are not accepted.');
    }
    if (request.headers[CSRF_HEADER] !== request.csrfToken) {
      throw new AppError('forbidden', `State-changing requests need the ${CSRF_HEADER} header from GET /api/session.`);
    }
  });
};
export const authPlugin = fp(auth, { name: 'wcc-auth' });

/** A fixed-window limiter per key (e.g. client address) for sign-in attempts. One process only. */
export class AttemptLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();
  constructor(private readonly max: number, private readonly windowMs: number) {}

  take(key: string, now = Date.now()): boolean {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      if (this.hits.size > 10_000) this.prune(now);
      return true;
    }
    entry.count++;
    return entry.count <= this.max;
  }

  private prune(now: number) {
    for (const [k, v] of this.hits) if (v.resetAt <= now) this.hits.delete(k);
  }
}
