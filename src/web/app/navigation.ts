// The header navigation: each entry names the permission (a policy action from GET /api/session)
// that makes it useful. The browser never decides roles; the server checks every request anyway.
export interface NavEntry {
  text: string;
  href: string;
  /** Shown when the session's permissions include this action. */
  permission: string;
  /** Shown only to signed-in users. */
  signedIn?: boolean;
}

export const navEntries: NavEntry[] = [
  { text: 'Home', href: '/', permission: 'orgs:read', signedIn: true },
  { text: 'Organisations', href: '/orgs', permission: 'orgs:read' },
  { text: 'Health outcomes', href: '/outcomes', permission: 'published:read' },
  { text: 'Assurance', href: '/assurance', permission: 'assurance:read', signedIn: true },
  { text: 'Investment', href: '/investment', permission: 'org-data:write', signedIn: true },
  { text: 'Population', href: '/needs', permission: 'org-data:read', signedIn: true },
  { text: 'Support', href: '/procurement', permission: 'orgs:read', signedIn: true },
  { text: 'Data imports', href: '/imports', permission: 'analytics:import', signedIn: true },
  { text: 'Audit trail', href: '/audit', permission: 'audit:read', signedIn: true },
  { text: 'Users', href: '/users', permission: 'users:manage', signedIn: true },
  { text: 'Your account', href: '/account', permission: 'orgs:read', signedIn: true },
];

export function visibleEntries(permissions: readonly string[], signedIn: boolean): NavEntry[] {
  return navEntries.filter((e) => permissions.includes(e.permission) && (signedIn || !e.signedIn));
}

/** The entry a path belongs to: the longest href that prefixes it. */
export function currentEntry(entries: NavEntry[], pathname: string): NavEntry | undefined {
  return entries
    .filter((e) => (e.href === '/' ? pathname === '/' : pathname === e.href || pathname.startsWith(`${e.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
