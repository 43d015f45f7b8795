import { z } from 'zod';
import { role, roleAssignment } from '../auth/roles.ts';
import { limits } from '../limits.ts';
import { pageOf, pageQuery, queryFlag } from '../paging.ts';
import { requiredText, text } from '../text.ts';

export const username = text()
  .trim()
  .toLowerCase()
  .min(3)
  .max(30)
  .regex(/^[a-z0-9._]+$/, 'validation.username');

/** Length only: the common-password check runs on the server against the list. */
export const password = text().min(limits.passwordMin).max(limits.passwordMax);

export const createUserInput = z.object({
  name: requiredText(2, limits.nameMax),
  email: z.email().trim().toLowerCase().max(limits.emailMax),
  username,
  password,
  roles: z.array(roleAssignment).max(50).default([]),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const assignRoleInput = roleAssignment;
export type AssignRoleInput = z.infer<typeof assignRoleInput>;

export const userSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  active: z.boolean(),
  roles: z.array(
    z.object({ id: z.string(), role, centerId: z.string().nullable(), centerName: z.string().nullable() }),
  ),
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userListQuery = pageQuery.extend({
  q: text().trim().max(limits.searchMax).optional(),
  role: role.optional(),
  centerId: z.uuid().optional(),
  active: queryFlag.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userPage = pageOf(userSchema);

/** What the web needs about the signed-in person. */
export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  username: z.string().nullable(),
  roles: z.array(z.object({ role, centerId: z.string().nullable(), centerName: z.string().nullable() })),
  permissions: z.array(z.string()),
});
export type Me = z.infer<typeof meSchema>;
