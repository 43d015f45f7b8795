import { roles } from '@atensi/domain';
import { describe, expect, it } from 'vitest';
import { allRules } from '../../app.ts';
import { centerPolicy } from '../../modules/centers/centers.policy.ts';
import { type Actor, can, centerScope, permittedActions } from './policy.ts';

const centerA = '00000000-0000-7000-8000-00000000000a';
const centerB = '00000000-0000-7000-8000-00000000000b';
const actor = (assignments: Actor['assignments']): Actor => ({
  userId: 'u',
  name: 'U',
  email: 'u@x.id',
  username: 'u',
  assignments,
});

describe('can', () => {
  it('refuses the anonymous for anything not public', () => {
    expect(can(null, centerPolicy.list)).toEqual({ allowed: false, reason: 'unauthenticated' });
  });

  it('lets a centre head update their own centre only', () => {
    const head = actor([{ role: 'center_head', centerId: centerA }]);
    expect(can(head, centerPolicy.update, { centerId: centerA }).allowed).toBe(true);
    expect(can(head, centerPolicy.update, { centerId: centerB })).toEqual({
      allowed: false,
      reason: 'forbidden',
    });
    expect(can(head, centerPolicy.archive, { centerId: centerA }).allowed).toBe(false);
  });

  it('lets admin and central update any centre, and tells which role granted it', () => {
    expect(
      can(actor([{ role: 'central', centerId: null }]), centerPolicy.update, { centerId: centerB }),
    ).toEqual({
      allowed: true,
      role: 'central',
      centerId: null,
    });
  });

  it('scopes lists to the centres where the role is held', () => {
    const both = actor([
      { role: 'center_head', centerId: centerA },
      { role: 'center_head', centerId: centerB },
      { role: 'social_worker', centerId: centerB },
    ]);
    expect(centerScope(both, centerPolicy.update)).toEqual([centerA, centerB]);
    expect(centerScope(actor([{ role: 'admin', centerId: null }]), centerPolicy.update)).toBe('all');
    expect(centerScope(null, centerPolicy.update)).toEqual([]);
  });
});

describe('the policy table', () => {
  it('has unique action names and only known roles', () => {
    const rules = allRules();
    const names = rules.map((r) => r.action);
    expect(new Set(names).size).toBe(names.length);
    for (const r of rules) for (const role of Object.keys(r.grants)) expect(roles).toContain(role);
  });

  it('matches the centres table of the platform issue', () => {
    const table = Object.fromEntries(
      roles.map((role) => [
        role,
        Object.values(centerPolicy)
          .map((rule) => rule.grants[role] ?? '-')
          .join(' '),
      ]),
    );
    // list read create update archive
    expect(table).toEqual({
      admin: 'all all all all all',
      central: 'all all all all -',
      center_head: 'all all - own_center -',
      social_worker: 'all all - - -',
      desk_officer: 'all all - - -',
      warehouse_officer: 'all all - - -',
      workshop_officer: 'all all - - -',
      shop_cashier: 'all all - - -',
      shop_manager: 'all all - - -',
      finance: 'all all - - -',
      partner: 'all all - - -',
    });
  });

  it('tells the web which actions a user may take', () => {
    const head = actor([{ role: 'center_head', centerId: centerA }]);
    const actions = permittedActions(head, allRules());
    expect(actions).toContain('center.update');
    expect(actions).toContain('user.me');
    expect(actions).not.toContain('center.create');
    expect(actions).not.toContain('user.manage');
  });
});
