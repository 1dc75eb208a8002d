import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext } from 'react';
import { ApiError, api, setCsrfToken, unwrap } from './client';
import type { Ok } from './types';

export type Session = Ok<'/api/console/session', 'get'>;

const SessionContext = createContext<Session | null>(null);

/** The signed-in session; only rendered inside <SessionGate>, so it is always there. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside <SessionGate>');
  return session;
}

export function useIsAdmin(): boolean {
  return useSession().user.role === 'admin';
}

/** Workspace-scoped API paths take the signed-in workspace's slug. */
export function useSlug(): string {
  return useSession().workspace.slug;
}

export const SESSION_KEY = ['console-session'] as const;

async function loadSession(): Promise<Session | null> {
  try {
    const session = await unwrap(api.GET('/api/console/session'));
    setCsrfToken(session.csrf_token);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Loads the session; without one renders `signIn`, with one its children. */
export function SessionGate(props: { signIn: ReactNode; loading: ReactNode; children: ReactNode }) {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: 60_000, retry: false });
  if (query.isPending) return <>{props.loading}</>;
  if (query.isError) throw query.error;
  if (!query.data) return <>{props.signIn}</>;
  return <SessionContext.Provider value={query.data}>{props.children}</SessionContext.Provider>;
}

/** After sign-in, sign-out, or a 401 anywhere: ask the server again. */
export function useRefreshSession(): () => Promise<void> {
  const client = useQueryClient();
  return async () => {
    client.removeQueries({ predicate: (q) => q.queryKey[0] !== SESSION_KEY[0] });
    await client.invalidateQueries({ queryKey: SESSION_KEY });
  };
}
