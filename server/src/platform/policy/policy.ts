import { type Role, roles } from '@atensi/domain';

/** Who is acting: the signed-in user and the roles they hold (per centre). */
export type Actor = {
  userId: string;
  name: string;
  email: string;
  username: string | null;
  assignments: { role: Role; centerId: string | null }[];
};

/** `all`: anywhere; `own_center`: only in the centres where the role is held. */
export type Grant = 'all' | 'own_center';

export type Rule = {
  /** Stable name, e.g. `center.update`: used in tests, `/api/me` and logs. */
  action: string;
  /** Anyone, signed in or not. */
  public?: boolean;
  /** Any signed-in user, whatever their roles. */
  anySignedIn?: boolean;
  grants: Partial<Record<Role, Grant>>;
};

export type Decision =
  | { allowed: true; role: Role | null; centerId: string | null }
  | { allowed: false; reason: 'unauthenticated' | 'forbidden' };

type RuleSpec = Omit<Rule, 'action'>;

/** A module's rules, named `<area>.<key>`. */
export const definePolicy = <const K extends string>(
  area: string,
  specs: Record<K, RuleSpec>,
): Record<K, Rule> => {
  const out = {} as Record<K, Rule>;
  for (const key of Object.keys(specs) as K[]) out[key] = { ...specs[key], action: `${area}.${key}` };
  return out;
};

/** Every role may do it anywhere (reference data such as centres). */
export const everyRole = (grant: Grant = 'all'): Partial<Record<Role, Grant>> =>
  Object.fromEntries(roles.map((r) => [r, grant]));

/**
 * The one authorisation question. Without a resource: may the actor do this anywhere?
 * With `centerId`: may they do it in that centre?
 */
export const can = (actor: Actor | null, rule: Rule, resource?: { centerId?: string | null }): Decision => {
  if (rule.public) return { allowed: true, role: null, centerId: null };
  if (!actor) return { allowed: false, reason: 'unauthenticated' };
  let fallback: Decision = { allowed: false, reason: 'forbidden' };
  for (const a of actor.assignments) {
    const grant = rule.grants[a.role];
    if (!grant) continue;
    if (grant === 'all') return { allowed: true, role: a.role, centerId: a.centerId };
    if (resource?.centerId === undefined) {
      fallback = { allowed: true, role: a.role, centerId: a.centerId };
    } else if (a.centerId !== null && a.centerId === resource.centerId) {
      return { allowed: true, role: a.role, centerId: a.centerId };
    }
  }
  if (!fallback.allowed && rule.anySignedIn)
    return { allowed: true, role: actor.assignments[0]?.role ?? null, centerId: null };
  return fallback;
};

/** For lists: every centre (`all`) or the ids of the centres where the actor holds a granted role. */
export const centerScope = (actor: Actor | null, rule: Rule): 'all' | string[] => {
  if (rule.public) return 'all';
  if (!actor) return [];
  const ids = new Set<string>();
  for (const a of actor.assignments) {
    const grant = rule.grants[a.role];
    if (grant === 'all') return 'all';
    if (grant === 'own_center' && a.centerId) ids.add(a.centerId);
  }
  return [...ids];
};

/** Actions the actor may take somewhere, for the web to show or hide controls. */
export const permittedActions = (actor: Actor, rules: Rule[]): string[] =>
  rules.filter((r) => !r.public && can(actor, r).allowed).map((r) => r.action);
