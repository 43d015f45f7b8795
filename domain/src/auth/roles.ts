import { z } from 'zod';

/** Roles exactly as DESIGN.md lists them. `central` and `admin` hold no centre. */
export const roles = [
  'admin',
  'central',
  'center_head',
  'social_worker',
  'desk_officer',
  'warehouse_officer',
  'workshop_officer',
  'shop_cashier',
  'shop_manager',
  'finance',
  'partner',
] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

/** Roles that work nationally, never inside one centre. */
export const nationalRoles: readonly Role[] = ['admin', 'central'];
export const isNationalRole = (r: Role): boolean => nationalRoles.includes(r);

export const roleAssignment = z
  .object({
    role,
    centerId: z.uuid().nullable(),
  })
  .refine((a) => (isNationalRole(a.role) ? a.centerId === null : a.centerId !== null), {
    message: 'validation.role_center',
    path: ['centerId'],
  });
export type RoleAssignment = z.infer<typeof roleAssignment>;
