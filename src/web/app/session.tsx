// The signed-in session for the whole app: who you are, your permissions, the CSRF token for the
// API client, and which of your organisations you act for (remembered for this browser tab).
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/endpoints.ts';
import type { Session, SessionRole } from '../api/types.ts';
import { sessionOrder, type SessionOrder } from './session-order.ts';

export interface ActingOrganisation {
  orgCode: string;
  orgName: string;
  orgType: string | null;
  roles: SessionRole[];
}

interface SessionState {
  api: ApiClient;
  /** null until the first answer from GET /api/session. */
  session: Session | null;
  loadError: string | null;
  can(permission: string): boolean;
  organisations: ActingOrganisation[];
  actingFor: ActingOrganisation | null;
  setActingFor(orgCode: string): void;
  signIn(email: string, password: string): Promise<Session>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);
const storageKey = (userId: string) => `wcc.actingFor.${userId}`;

/** The organisations a user holds roles for, each with its roles, in the order the server gave them. */
export function organisationsOf(session: Session | null): ActingOrganisation[] {
  const byCode = new Map<string, ActingOrganisation>();
  for (const r of session?.principal?.roles ?? []) {
    if (!r.orgCode) continue;
    const o = byCode.get(r.orgCode) ?? { orgCode: r.orgCode, orgName: r.orgName ?? r.orgCode, orgType: r.orgType, roles: [] };
    o.roles.push(r);
    byCode.set(r.orgCode, o);
  }
  return [...byCode.values()];
}

function readStored(userId: string): string | null {
  try {
    return window.sessionStorage.getItem(storageKey(userId));
  } catch {
    return null;
  }
}

export function SessionProvider({ api, children }: { api: ApiClient; children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  // Only the newest request's answer about the session is accepted (see session-order.ts).
  const order = useRef<SessionOrder | null>(null);
  order.current ??= sessionOrder();

  const accept = useCallback((s: Session) => {
    api.setCsrfToken(s.csrfToken);
    setSession(s);
    setChosen(s.principal ? readStored(s.principal.userId) : null);
  }, [api]);

  const refresh = useCallback(async () => {
    const answer = await order.current!.request(() => endpoints.getSession(api));
    if (!answer.current) return;   // a later request, sign-in or sign-out has superseded it
    if (answer.ok) {
      accept(answer.value);
      setLoadError(null);
    } else {
      setLoadError((answer.error as Error).message);
    }
  }, [api, accept]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionState>(() => {
    const organisations = organisationsOf(session);
    const actingFor = organisations.find((o) => o.orgCode === chosen) ?? organisations[0] ?? null;
    return {
      api, session, loadError, organisations, actingFor,
      can: (permission) => !!session?.permissions.includes(permission),
      setActingFor(orgCode) {
        const userId = session?.principal?.userId;
        if (!userId || !organisations.some((o) => o.orgCode === orgCode)) return;
        try {
          window.sessionStorage.setItem(storageKey(userId), orgCode);
        } catch {
          // Storage may be unavailable (private mode); the choice then lasts until reload.
        }
        setChosen(orgCode);
      },
      async signIn(email, password) {
        const s = await endpoints.signIn(api, email, password);
        order.current!.begin();   // answers to session requests started before the sign-in are stale
        accept(s);
        setLoadError(null);
        return s;
      },
      async signOut() {
        try {
          await endpoints.signOut(api);
        } finally {
          // This refresh starts after the sign-out, so it supersedes any session request still on its way.
          await refresh();
        }
      },
      refresh,
    };
  }, [api, session, loadError, chosen, accept, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession must be used inside <SessionProvider>');
  return s;
}
