import { describe, expect, it } from 'vitest';
import { followUpInput } from './follow-up.schema.ts';
import { caseStages } from './stages.ts';
import { canRequestTransfer } from './transfer.schema.ts';

describe('canRequestTransfer', () => {
  it('allows a transfer only while the case is worked', () => {
    expect(caseStages.filter(canRequestTransfer)).toEqual([
      'engagement',
      'assessment',
      'planning',
      'intervention',
      'resocialization',
    ]);
  });
});

describe('followUpInput', () => {
  const visit = {
    visitedOn: '2026-11-20',
    method: 'phone',
    condition: 'declined',
    notes: 'Kambuh, perlu dikunjungi.',
    version: 3,
  };
  it('accepts a visit without a next date', () => {
    expect(followUpInput.parse(visit).nextVisitOn).toBeNull();
  });
  it('refuses a next visit on or before this one, naming the field', () => {
    const r = followUpInput.safeParse({ ...visit, nextVisitOn: '2026-11-20' });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['nextVisitOn', 'validation.next_visit_after'],
    ]);
  });
});
