// Typed calls for each API endpoint the web app uses.
import type { ApiClient } from './client.ts';
import type { AuditEntry, NewUser, Organisation, OrganisationDetail, OrgType, Session, UserSummary } from './types.ts';

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const getSession = (api: ApiClient) => api.request<Session>('GET', '/session');
export const signIn = (api: ApiClient, email: string, password: string) => api.request<Session>('POST', '/session', { email, password });
export const signOut = (api: ApiClient) => api.request<void>('DELETE', '/session');
export const changePassword = (api: ApiClient, currentPassword: string, newPassword: string) =>
  api.request<void>('PUT', '/account/password', { currentPassword, newPassword });

export interface OrgQuery {
  type?: OrgType;
  parent?: string;
  asOf?: string;
  q?: string;
}
export const listOrganisations = (api: ApiClient, f: OrgQuery) =>
  api.request<{ organisations: Organisation[]; count: number }>('GET', `/orgs${query({ ...f })}`);
export const getOrganisation = (api: ApiClient, code: string, asOf?: string) =>
  api.request<OrganisationDetail>('GET', `/orgs/${encodeURIComponent(code)}${query({ asOf })}`);

export interface AuditQuery {
  object?: string;
  org?: string;
  before?: number;
  limit?: number;
}
export const listAudit = (api: ApiClient, f: AuditQuery) =>
  api.request<{ entries: AuditEntry[] }>('GET', `/audit${query({ ...f })}`);

export const listUsers = (api: ApiClient) => api.request<{ users: UserSummary[] }>('GET', '/users');
export const createUser = (api: ApiClient, user: NewUser) => api.request<UserSummary>('POST', '/users', user);
