import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Role, roles } from '../auth/roles.ts';
import type { Cluster } from '../clusters.ts';
import { isSensitiveCase, serviceComponents } from './components.ts';
import {
  allowedNextStages,
  type CaseStage,
  canTransition,
  caseStage,
  caseStages,
  isClosed,
  transitionKind,
} from './stages.ts';

const both: Role[] = ['social_worker', 'center_head'];
const others = roles.filter((r) => !both.includes(r));

/** Every permitted move: [from, to, roles, previous]. */
const allowed: [CaseStage, CaseStage, Role[], CaseStage?][] = [
  ['engagement', 'assessment', both],
  ['assessment', 'planning', both],
  ['planning', 'intervention', both],
  ['intervention', 'resocialization', both],
  ['assessment', 'engagement', both],
  ['planning', 'assessment', both],
  ['intervention', 'planning', both],
  ['resocialization', 'intervention', both],
  ['intervention', 'termination_requested', both],
  ['resocialization', 'termination_requested', both],
  ['termination_requested', 'termination', ['center_head']],
  ['termination_requested', 'intervention', ['center_head'], 'intervention'],
  ['termination_requested', 'resocialization', ['center_head'], 'resocialization'],
  ['termination', 'follow_up', both],
  ['termination', 'assessment', ['center_head']],
  ['follow_up', 'assessment', ['center_head']],
];

describe('case stages', () => {
  it('parses the stages with zod', () => {
    expect(caseStage.parse('planning')).toBe('planning');
    expect(caseStage.safeParse('closed').success).toBe(false);
  });

  it.each(allowed)('allows %s → %s for %j', (from, to, who, previous) => {
    for (const r of who) expect(canTransition(from, to, r, { previous })).toBe(true);
    for (const r of roles.filter((x) => !who.includes(x)))
      expect(canTransition(from, to, r, { previous })).toBe(false);
  });

  it('allows nothing else, for any role', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...caseStages),
        fc.constantFrom(...caseStages),
        fc.constantFrom(...roles),
        fc.option(fc.constantFrom(...caseStages), { nil: undefined }),
        (from, to, r, previous) => {
          const listed = allowed.some(
            ([f, t, who, p]) =>
              f === from && t === to && who.includes(r) && (p === undefined || p === previous),
          );
          expect(canTransition(from, to, r, { previous })).toBe(listed);
        },
      ),
    );
  });

  it('refuses a sample of moves', () => {
    expect(canTransition('engagement', 'planning', 'center_head')).toBe(false); // skips a step
    expect(canTransition('resocialization', 'termination', 'center_head')).toBe(false); // closes without a request
    expect(canTransition('planning', 'termination_requested', 'social_worker')).toBe(false); // no service yet
    expect(canTransition('termination_requested', 'termination', 'social_worker')).toBe(false);
    expect(canTransition('termination', 'assessment', 'social_worker')).toBe(false); // reopening is the head's
    expect(canTransition('follow_up', 'termination', 'center_head')).toBe(false);
    expect(canTransition('engagement', 'assessment', 'desk_officer')).toBe(false);
    expect(canTransition('engagement', 'assessment', 'central')).toBe(false);
    expect(canTransition('planning', 'planning', 'center_head')).toBe(false);
  });

  it('rejects a closure only back to where it came from', () => {
    expect(
      canTransition('termination_requested', 'intervention', 'center_head', { previous: 'resocialization' }),
    ).toBe(false);
    expect(canTransition('termination_requested', 'resocialization', 'center_head')).toBe(false);
    expect(allowedNextStages('termination_requested', 'center_head', 'resocialization')).toEqual([
      'resocialization',
      'termination',
    ]);
    expect(
      transitionKind('termination_requested', 'resocialization', 'center_head', {
        previous: 'resocialization',
      }),
    ).toBe('reject_termination');
  });

  it('never closes a requested termination unless the centre head approves', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...roles),
        fc.option(fc.constantFrom(...caseStages), { nil: undefined }),
        (r, previous) => {
          expect(canTransition('termination_requested', 'termination', r, { previous })).toBe(
            r === 'center_head',
          );
        },
      ),
    );
    // Nor is there any other way into termination.
    for (const from of caseStages) {
      for (const r of others) expect(canTransition(from, 'termination', r)).toBe(false);
      if (from !== 'termination_requested') {
        for (const r of roles) expect(canTransition(from, 'termination', r)).toBe(false);
      }
    }
  });

  it('lists the next stages', () => {
    expect(allowedNextStages('intervention', 'social_worker')).toEqual([
      'planning',
      'resocialization',
      'termination_requested',
    ]);
    expect(allowedNextStages('termination', 'social_worker')).toEqual(['follow_up']);
    expect(allowedNextStages('termination', 'center_head')).toEqual(['assessment', 'follow_up']);
    expect(allowedNextStages('engagement', 'partner')).toEqual([]);
    expect(transitionKind('follow_up', 'assessment', 'center_head')).toBe('reopen');
  });

  it('knows which stages are closed', () => {
    expect(caseStages.filter(isClosed)).toEqual(['termination', 'follow_up']);
  });
});

describe('case components', () => {
  it('has the seven ATENSI components', () => {
    expect(serviceComponents).toHaveLength(7);
  });

  it('marks napza, trafficking, ODGJ and children in special protection as sensitive', () => {
    const cases: [Cluster[], boolean, boolean][] = [
      [['napza'], false, true],
      [['social_deviance_trafficking'], false, true],
      [['odgj', 'disability'], false, true],
      [['child'], true, true],
      [['child'], false, false],
      [['elderly', 'poor_vulnerable'], false, false],
      [[], false, false],
    ];
    for (const [clusters, child, sensitive] of cases)
      expect(isSensitiveCase(clusters, child)).toBe(sensitive);
  });
});
