import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getMe, logout as logoutEndpoint } from '../common/api/auth';
import { ApiError, onSessionEnded, type Me } from './api';
import { callApi } from './data/client';
import { forgetLocalDrafts } from './features/filing/use-local-draft';

interface SessionState {
  me: Me | null;
  loading: boolean;
  refresh: () => Promise<Me | null>;
  logout: () => Promise<void>;
  /** The session ended while a page was open: the login page says so, then returns there. */
  expired: boolean;
}

const SessionContext = createContext<SessionState | null>(null);

// Who is signed in is asked as soon as the code arrives, not after the first render: on a slow
// line that saves a round trip before any page that depends on it can show.
let firstMe: Promise<Me | null> | null = callApi(getMe, {});

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);
  const refresh = useCallback(async () => {
    try {
      const pending = firstMe ?? callApi(getMe, {});
      firstMe = null;
      const m = await pending;
      setMe(m);
      if (m) setExpired(false);
      return m;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status !== 401) console.error(err);
      setMe(null);
      return null;
    } finally {
      setLoading(false);
    }
  }, []);
  const client = useQueryClient();
  const logout = useCallback(async () => {
    await callApi(logoutEndpoint, {});
    // Nothing the person read stays in memory for whoever uses this browser next (Decree 13).
    client.clear();
    // Nor the filing form a lapsed session kept in this tab (issue 15).
    forgetLocalDrafts();
    setMe(null);
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // Any API call answering 401 while signed in: forget the user, so that every page guarded by
  // the session sends them to the login page (with the way back) instead of showing an empty shell.
  useEffect(
    () =>
      onSessionEnded(() => {
        setMe((current) => {
          if (current) setExpired(true);
          return null;
        });
      }),
    [],
  );
  return <SessionContext.Provider value={{ me, loading, refresh, logout, expired }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
