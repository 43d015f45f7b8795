import type {
  AssignRoleInput,
  ChangeOwnPasswordInput,
  CreateUserInput,
  Page,
  Role,
  User,
} from '@atensi/domain';
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api } from '../../api/client';

export const userPageSize = 20;

/** Kept in component state, never in the URL: user searches are about people. */
export type UserFilters = { q?: string; role?: Role; active?: 'true' | 'false'; page: number };

export const usersQueryOptions = (filters: UserFilters) =>
  queryOptions({
    queryKey: ['users', 'list', filters] as const,
    queryFn: ({ signal }) =>
      api<Page<User>>('/api/users', { query: { ...filters, pageSize: userPageSize }, signal }),
    placeholderData: keepPreviousData,
  });

export const userQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['users', 'detail', id] as const,
    queryFn: ({ signal }) => api<User>(`/api/users/${encodeURIComponent(id)}`, { signal }),
  });

export const createUser = (input: CreateUserInput) =>
  api<User>('/api/users', { method: 'POST', body: input });

export const assignRole = (id: string, input: AssignRoleInput) =>
  api<User>(`/api/users/${encodeURIComponent(id)}/roles`, { method: 'POST', body: input });

export const removeRole = (id: string, assignmentId: string) =>
  api<User>(`/api/users/${encodeURIComponent(id)}/roles/${encodeURIComponent(assignmentId)}`, {
    method: 'DELETE',
  });

export const setUserActive = (id: string, active: boolean) =>
  api<User>(`/api/users/${encodeURIComponent(id)}/${active ? 'activate' : 'deactivate'}`, {
    method: 'POST',
    body: {},
  });

/** Your own name (the username is the administrator's to change). */
export const updateOwnName = (name: string) =>
  api<{ status: true }>('/api/auth/update-user', { method: 'POST', body: { name } });

export const changeOwnPassword = (input: ChangeOwnPasswordInput) =>
  api<{ status: true }>('/api/auth/change-password', { method: 'POST', body: input });
