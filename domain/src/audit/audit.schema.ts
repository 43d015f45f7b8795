import { z } from 'zod';
import { dateField } from '../date-fields.ts';
import { pageOf, pageQuery } from '../paging.ts';
import { text } from '../text.ts';

export const auditActions = [
  'create',
  'update',
  'delete',
  'read',
  'login',
  'logout',
  'login_failed',
] as const;
export const auditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof auditAction>;

export const auditChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type AuditChange = z.infer<typeof auditChange>;

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  centerId: z.string().nullable(),
  action: auditAction,
  entity: z.string(),
  entityId: z.string(),
  changes: z.array(auditChange),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditListQuery = pageQuery.extend({
  entity: text().trim().max(50).optional(),
  entityId: text().trim().max(100).optional(),
  actorId: text().trim().max(100).optional(),
  action: auditAction.optional(),
  from: dateField('period').optional(),
  to: dateField('period').optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
export const auditPage = pageOf(auditEntrySchema);
