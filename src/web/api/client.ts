// The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF
// header on state-changing requests, and problem details turned into ApiError.
import type { Problem } from './types.ts';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }

  /** Per-field messages keyed by the field path without its "body/" or "querystring/" prefix. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const key = e.path.replace(/^(body|querystring|params)\/?/, '');
      out[key] ??= e.message;
    }
    return out;
  }
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiClient {
  request<T>(method: Method, path: string, body?: unknown): Promise<T>;
  setCsrfToken(token: string | null): void;
}

async function toProblem(res: Response): Promise<Problem> {
  const fallback: Problem = { type: 'about:blank', title: res.statusText || 'Error', status: res.status, detail: `The server answered ${res.status}.` };
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await res.json()) as Partial<Problem>;
    return { ...fallback, ...body, status: res.status };
  } catch {
    return fallback;
  }
}

export function createApiClient(base = '/api', fetchImpl: typeof fetch = (...a) => fetch(...a)): ApiClient {
  let csrfToken: string | null = null;
  return {
    setCsrfToken(token) {
      csrfToken = token;
    },
    async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
      let res: Response;
      try {
        res = await fetchImpl(base + path, {
          method, headers, credentials: 'same-origin',
          body: body === undefined ? undefined : JSON.stringify(body),
        });
      } catch {
        throw new ApiError({ type: 'about:blank', title: 'Service unavailable', status: 0, detail: 'The service could not be reached. Check your connection and try again.' });
      }
      if (!res.ok) throw new ApiError(await toProblem(res));
      if (res.status === 204) return undefined as T;
      return (await res.json()) as T;
    },
  };
}
