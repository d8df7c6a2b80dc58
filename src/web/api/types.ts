// Shapes of the wcc API answers the web app reads (see /api/docs for the full OpenAPI description).

export interface SessionRole {
  role: string;
  label: string;
  orgCode: string | null;
  orgName: string | null;
  orgType: string | null;
}

export interface SessionPrincipal {
  userId: string;
  email: string;
  displayName: string;
  roles: SessionRole[];
}

export interface Session {
  principal: SessionPrincipal | null;
  csrfToken: string | null;
  expiresAt: string | null;
  /** Policy actions the principal may take somewhere; for navigation only, the server checks each request. */
  permissions: string[];
}

export type OrgType = 'england' | 'sha' | 'pct';

export interface Organisation {
  code: string;
  name: string;
  type: OrgType;
  onsCode: string | null;
  validFrom: string;
  validTo: string | null;
  successorCode: string | null;
  parentCode: string | null;
}

export interface OrganisationDetail extends Organisation {
  parent: Organisation | null;
  children: Organisation[];
  successor: Organisation | null;
}

export interface AuditEntry {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  objectType: string;
  objectId: string;
  orgCode: string | null;
  before: unknown;
  after: unknown;
}

export interface RoleGrant {
  role: string;
  orgCode: string | null;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
  locked: boolean;
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  roles: RoleGrant[];
}

/** RFC 9457 problem details, as every API error is answered. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { path: string; message: string }[];
}
