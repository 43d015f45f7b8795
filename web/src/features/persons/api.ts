import type {
  CreatePersonInput,
  DuplicateCandidate,
  DuplicateQuery,
  MergePersonsInput,
  Page,
  Person,
  PersonSearchInput,
  PersonSummary,
  UpdatePersonInput,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, isApiError } from '../../api/client';

export const personPageSize = 20;

/**
 * Person searches are POSTs: names and NIKs travel in the body, never in a URL. The query
 * cache holds them in memory only (it is cleared on sign-out).
 */
export const personSearchQueryOptions = (search: PersonSearchInput) =>
  queryOptions({
    queryKey: ['persons', 'search', search] as const,
    queryFn: ({ signal }) =>
      api<Page<PersonSummary>>('/api/persons/search', { method: 'POST', body: search, signal }),
    placeholderData: keepPreviousData,
  });

export const personQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['persons', 'detail', id] as const,
    queryFn: ({ signal }) => api<Person>(`/api/persons/${encodeURIComponent(id)}`, { signal }),
  });

export const duplicatesQueryOptions = (query: DuplicateQuery | null) =>
  queryOptions<DuplicateCandidate[]>({
    queryKey: ['persons', 'duplicates', query] as const,
    queryFn: ({ signal }) =>
      api<{ items: DuplicateCandidate[] }>('/api/persons/duplicates', {
        method: 'POST',
        body: query,
        signal,
      }).then((r) => r.items),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

export const findDuplicates = (query: DuplicateQuery) =>
  api<{ items: DuplicateCandidate[] }>('/api/persons/duplicates', { method: 'POST', body: query }).then(
    (r) => r.items,
  );

export const createPerson = (input: CreatePersonInput) =>
  api<Person>('/api/persons', { method: 'POST', body: input });

export const updatePerson = (id: string, input: UpdatePersonInput) =>
  api<Person>(`/api/persons/${encodeURIComponent(id)}`, { method: 'PUT', body: input });

export const addFamilyMember = (id: string, relatedPersonId: string, relationship: string) =>
  api<Person>(`/api/persons/${encodeURIComponent(id)}/family`, {
    method: 'POST',
    body: { relatedPersonId, relationship },
  });

export const removeFamilyMember = (id: string, relatedPersonId: string) =>
  api<Person>(`/api/persons/${encodeURIComponent(id)}/family/${encodeURIComponent(relatedPersonId)}`, {
    method: 'DELETE',
  });

export const mergePersons = (input: MergePersonsInput) =>
  api<Person>('/api/persons/merge', { method: 'POST', body: input });

/**
 * The id of the record a NIK already belongs to, after a 409 `person.nik_exists` (a record the
 * user sees) or `person.nik_exists_elsewhere` (registered at a balai the user does not see).
 */
export const existingPersonIdFor = (error: unknown): string | null => {
  if (
    !isApiError(error) ||
    (error.code !== 'person.nik_exists' && error.code !== 'person.nik_exists_elsewhere')
  )
    return null;
  const id = error.details.existingPersonId;
  return typeof id === 'string' ? id : null;
};
