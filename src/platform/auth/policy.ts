// Every access decision of the platform is made here. Routes and services call `authorize`; nothing
// else inspects roles. Scopes: national roles see everything; SHA roles their SHA and its PCTs; PCT
// roles their PCT; suppliers their own supplier record.
import { AppError } from '../errors.ts';

export type RoleName =
  | 'national_admin'
  | 'sha_assurance_lead'
  | 'sha_panel_member'
  | 'pct_commissioner'
  | 'pct_analyst'
  | 'pct_board_member'
  | 'framework_supplier';

export const roleNames: readonly RoleName[] = [
  'national_admin', 'sha_assurance_lead', 'sha_panel_member',
  'pct_commissioner', 'pct_analyst', 'pct_board_member', 'framework_supplier',
];

export const roleLabels: Record<RoleName, string> = {
  national_admin: 'National administrator',
  sha_assurance_lead: 'SHA assurance lead',
  sha_panel_member: 'SHA panel member',
  pct_commissioner: 'PCT commissioner',
  pct_analyst: 'PCT analyst',
  pct_board_member: 'PCT board member',
  framework_supplier: 'Framework supplier',
};

export type RoleScope = 'national' | 'sha' | 'pct' | 'supplier';
export const scopeOfRole: Record<RoleName, RoleScope> = {
  national_admin: 'national',
  sha_assurance_lead: 'sha',
  sha_panel_member: 'sha',
  pct_commissioner: 'pct',
  pct_analyst: 'pct',
  pct_board_member: 'pct',
  framework_supplier: 'supplier',
};

export interface RoleGrant {
  role: RoleName;
  /** SHA code for SHA roles, PCT code for PCT roles, supplier id for suppliers, null for national roles. */
  orgCode: string | null;
}

export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  roles: RoleGrant[];
}

export type Action =
  | 'orgs:read' //               organisation tree (public)
  | 'published:read' //          published indicators and ratings (public)
  | 'org-data:read' //           an organisation's unpublished data
  | 'org-data:write' //          change an organisation's data (drafts, selections, options)
  | 'org-data:approve' //        SHA sign-off of a PCT's submission
  | 'analytics:import' //        import data and start computations
  | 'audit:read'
  | 'users:manage'
  | 'jobs:read-any'
  | 'supplier:act' //            act for a supplier (bids, documents)
  | 'assurance:read' //          take part in assurance: see the cycles you work on (each PCT's data is still checked)
  | 'assurance:manage' //        open assurance cycles, set timetables, calibrate, moderate, confirm ratings and autonomy
  | 'assurance:run' //           run the cycle for an SHA's PCTs: stakeholder lists, panels, chairs, reopenings
  | 'assurance:panel-score' //   score a PCT as a panel member (only where assigned; checked by the assurance service)
  | 'assurance:self-assess' //   prepare a PCT's self-assessment, evidence and stakeholder list
  | 'patients:read'; //          patient-level (pseudonymised) rows of the PCT's own population: risk lists, exports

/** What a decision is about: an organisation and, for PCTs, the SHA it sits in. */
export interface Target {
  orgCode?: string | null;
  shaCode?: string | null;
}

const roleActions: Record<RoleName, readonly Action[]> = {
  national_admin: ['orgs:read', 'published:read', 'org-data:read', 'org-data:write', 'org-data:approve',
    'analytics:import', 'audit:read', 'users:manage', 'jobs:read-any', 'assurance:read', 'assurance:manage', 'assurance:run'],
  sha_assurance_lead: ['orgs:read', 'published:read', 'org-data:read', 'org-data:approve', 'audit:read', 'assurance:read', 'assurance:run',
    'assurance:panel-score'],
  sha_panel_member: ['orgs:read', 'published:read', 'org-data:read', 'assurance:read', 'assurance:panel-score'],
  pct_commissioner: ['orgs:read', 'published:read', 'org-data:read', 'org-data:write', 'audit:read', 'assurance:read', 'assurance:self-assess', 'patients:read'],
  pct_analyst: ['orgs:read', 'published:read', 'org-data:read', 'org-data:write', 'analytics:import', 'assurance:read', 'assurance:self-assess', 'patients:read'],
  pct_board_member: ['orgs:read', 'published:read', 'org-data:read', 'assurance:read'],
  framework_supplier: ['orgs:read', 'published:read', 'supplier:act'],
};

const publicActions: readonly Action[] = ['orgs:read', 'published:read'];

function grantCovers(grant: RoleGrant, target: Target): boolean {
  switch (scopeOfRole[grant.role]) {
    case 'national':
      return true;
    case 'sha':
      return target.orgCode == null || target.orgCode === grant.orgCode || target.shaCode === grant.orgCode;
    case 'pct':
    case 'supplier':
      return target.orgCode == null || target.orgCode === grant.orgCode;
  }
}

/** True when the principal (null = the public) may do `action` on `target`. */
export function can(principal: Principal | null, action: Action, target: Target = {}): boolean {
  if (publicActions.includes(action)) return true;
  if (!principal) return false;
  return principal.roles.some((g) => roleActions[g.role].includes(action) && grantCovers(g, target));
}

/** Throws 401 for the public and 403 for a signed-in user the policy refuses. */
export function authorize(principal: Principal | null, action: Action, target: Target = {}): void {
  if (can(principal, action, target)) return;
  if (!principal) throw new AppError('unauthorised', 'Sign in to do this.');
  throw new AppError('forbidden', 'Your roles do not allow this.');
}

export function requirePrincipal(principal: Principal | null): Principal {
  if (!principal) throw new AppError('unauthorised', 'Sign in to do this.');
  return principal;
}

/** The organisation codes a principal may read private data of, or 'all'; used to filter lists in SQL. */
export function readableScope(principal: Principal | null): { all: boolean; orgCodes: string[]; shaCodes: string[] } {
  const scope = { all: false, orgCodes: [] as string[], shaCodes: [] as string[] };
  for (const g of principal?.roles ?? []) {
    if (!roleActions[g.role].includes('org-data:read')) continue;
    const kind = scopeOfRole[g.role];
    if (kind === 'national') scope.all = true;
    else if (kind === 'sha' && g.orgCode) scope.shaCodes.push(g.orgCode);
    else if (kind === 'pct' && g.orgCode) scope.orgCodes.push(g.orgCode);
  }
  return scope;
}

export function hasRole(principal: Principal | null, role: RoleName, orgCode?: string): boolean {
  return !!principal?.roles.some((g) => g.role === role && (orgCode === undefined || g.orgCode === orgCode));
}

export const allActions: readonly Action[] = [
  'orgs:read', 'published:read', 'org-data:read', 'org-data:write', 'org-data:approve',
  'analytics:import', 'audit:read', 'users:manage', 'jobs:read-any', 'supplier:act',
  'assurance:read', 'assurance:manage', 'assurance:run', 'assurance:panel-score', 'assurance:self-assess', 'patients:read',
];

/** The actions a principal may take somewhere (for navigation); the server still checks each request. */
export function permittedActions(principal: Principal | null): Action[] {
  return allActions.filter((a) => principal
    ? principal.roles.some((g) => roleActions[g.role].includes(a)) || publicActions.includes(a)
    : publicActions.includes(a));
}
