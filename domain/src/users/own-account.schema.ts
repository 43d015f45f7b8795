import { z } from 'zod';
import { limits } from '../limits.ts';
import { text } from '../text.ts';
import { password } from './user.schema.ts';

/**
 * What a signed-in person may change of their own account (`POST /api/auth/update-user`):
 * their name. The username is refused (it names them in the audit log; administrators manage
 * it); it stays in the schema only so the refusal can name the field.
 */
export const updateOwnAccountInput = z.strictObject({
  name: text().trim().min(2).max(limits.nameMax).optional(),
  username: text().max(100).optional(),
  displayUsername: text().max(100).optional(),
});
export type UpdateOwnAccountInput = z.infer<typeof updateOwnAccountInput>;

/** `POST /api/auth/change-password`, Better Auth's shape. */
export const changeOwnPasswordInput = z.strictObject({
  currentPassword: text().min(1).max(limits.passwordMax),
  newPassword: password,
  /** End every other session of the account (this one stays). */
  revokeOtherSessions: z.boolean().default(false),
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;

export const ownAccountSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  username: z.string().nullable(),
});
export type OwnAccount = z.infer<typeof ownAccountSchema>;
