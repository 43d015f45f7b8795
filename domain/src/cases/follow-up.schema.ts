import { z } from 'zod';
import { dateField } from '../date-fields.ts';
import { requiredText } from '../text.ts';

/** Bimbingan lanjut: visits after closure to see whether the results hold. */
export const followUpMethods = ['home_visit', 'phone', 'video_call', 'at_center'] as const;
export const followUpMethod = z.enum(followUpMethods);

/** How the person is doing compared with closure. */
export const followUpConditions = ['improved', 'stable', 'declined'] as const;
export const followUpCondition = z.enum(followUpConditions);

export const followUpInput = z
  .object({
    visitedOn: dateField('event'),
    method: followUpMethod,
    condition: followUpCondition,
    notes: requiredText(5, 4000),
    /** Next visit planned, when another one is needed. */
    nextVisitOn: dateField('planned')
      .nullish()
      .transform((v) => v ?? null),
    version: z.number().int().min(1),
  })
  .superRefine((v, ctx) => {
    if (v.nextVisitOn && v.nextVisitOn <= v.visitedOn) {
      ctx.addIssue({ code: 'custom', path: ['nextVisitOn'], message: 'validation.next_visit_after' });
    }
  });
export type FollowUpInput = z.infer<typeof followUpInput>;

export const followUpSchema = z.object({
  id: z.uuid(),
  visitedOn: z.string(),
  method: followUpMethod,
  condition: followUpCondition,
  notes: z.string(),
  nextVisitOn: z.string().nullable(),
  recordedByName: z.string().nullable(),
});
export type FollowUp = z.infer<typeof followUpSchema>;
