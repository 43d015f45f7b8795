import type { Me } from '@atensi/domain';
import { queryOptions } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api, isApiError } from './client';

/** The signed-in person, or null when not signed in (401). */
export const meQueryOptions = queryOptions({
  queryKey: ['me'] as const,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await api<Me>('/api/me', { signal });
    } catch (error) {
      if (isApiError(error) && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const MeContext = createContext<Me | null>(null);

/** The signed-in person inside the authenticated layout. */
export const useMe = (): Me => {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe used outside the authenticated layout');
  return me;
};

export const can = (me: Pick<Me, 'permissions'> | null | undefined, permission: string): boolean =>
  !!me?.permissions.includes(permission);

export const signIn = (identifier: string, password: string) => {
  const id = identifier.trim();
  return id.includes('@')
    ? api<unknown>('/api/auth/sign-in/email', { method: 'POST', body: { email: id, password } })
    : api<unknown>('/api/auth/sign-in/username', { method: 'POST', body: { username: id, password } });
};

export const signOut = () => api<unknown>('/api/auth/sign-out', { method: 'POST', body: {} });
