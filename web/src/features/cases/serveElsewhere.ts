import type { QueryClient } from '@tanstack/react-query';

/**
 * What a worker typed about a person whose NIK turned out to be registered at another balai,
 * carried from the registration form to the case-open page (decision 0017): the NIK they read
 * from the card pre-fills the identity proof, the name and village let the page greet the
 * person and rank the centres. It lives in the query cache — memory only, cleared on sign-out —
 * never in the URL or browser storage.
 */
export type ServeElsewhere = { nik: string | null; fullName: string; regionCode: string | null };

const key = (personId: string) => ['cases', 'serve-elsewhere', personId] as const;

export const rememberServeElsewhere = (queryClient: QueryClient, personId: string, typed: ServeElsewhere) =>
  queryClient.setQueryData(key(personId), typed);

export const servedElsewhereTyped = (queryClient: QueryClient, personId: string): ServeElsewhere | null =>
  queryClient.getQueryData<ServeElsewhere>(key(personId)) ?? null;
