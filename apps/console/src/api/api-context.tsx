import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { useSession } from '../session';
import { createApiClient, type ApiClient } from './client';

const ApiContext = createContext<ApiClient | null>(null);

/** The typed API client of the signed-in session. */
export function ApiProvider({ children }: { children: ReactNode }) {
  const { session, markExpired } = useSession();
  const client = useMemo(() => createApiClient(session, markExpired), [session, markExpired]);
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside ApiProvider');
  return client;
}
