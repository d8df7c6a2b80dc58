// Which answer about the session is current. Answers to GET /api/session can arrive out of order: the
// app's first "nobody signed in" answer may land after the user has signed in. Every request for the
// session takes a ticket when it starts, and a sign-in or sign-out the server has confirmed takes one
// too (answers to requests started before it are stale); only the newest ticket's answer counts.

export type SessionAnswer<T> =
  | { current: true; ok: true; value: T }
  | { current: true; ok: false; error: unknown }
  | { current: false };

export interface SessionOrder {
  /** Takes the next ticket: call when a request for the session starts, or when a sign-in or sign-out is confirmed. */
  begin(): number;
  /** Whether the answer for this ticket is still current: no later ticket has been taken since. */
  isLatest(ticket: number): boolean;
  /** Runs a request for the session with a ticket; its answer or failure is `current` only if no later ticket was taken meanwhile. */
  request<T>(fn: () => Promise<T>): Promise<SessionAnswer<T>>;
}

export function sessionOrder(): SessionOrder {
  let latest = 0;
  const isLatest = (ticket: number) => ticket === latest;
  return {
    begin: () => ++latest,
    isLatest,
    async request<T>(fn: () => Promise<T>): Promise<SessionAnswer<T>> {
      const ticket = ++latest;
      try {
        const value = await fn();
        return isLatest(ticket) ? { current: true, ok: true, value } : { current: false };
      } catch (error) {
        return isLatest(ticket) ? { current: true, ok: false, error } : { current: false };
      }
    },
  };
}
