import type { CreateUserInput, Page, Role, RoleAssignment, User, UserListQuery } from '@atensi/domain';
import { and, asc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import { createCredentialAccount, endSessions } from '../../platform/auth/accounts.ts';
import { users } from '../../platform/auth/auth.tables.ts';
import { passwordError } from '../../platform/auth/auth-errors.ts';
import { identityWords, passwordProblem } from '../../platform/auth/password-policy.ts';
import type { Db } from '../../platform/db/client.ts';
import { sqlState, uniqueViolation } from '../../platform/db/errors.ts';
import { centerNames } from '../centers/centers.service.ts';
import { userError } from './users.errors.ts';
import { roleAssignments } from './users.tables.ts';

type UserRow = typeof users.$inferSelect;

/**
 * Every authenticated request asks this, so it is a prepared statement (built once per
 * database handle, planned once per connection) rather than a query built each time.
 */
const assignmentsQuery = (db: Db) =>
  db
    .select({ role: roleAssignments.role, centerId: roleAssignments.centerId })
    .from(roleAssignments)
    .where(eq(roleAssignments.userId, sql.placeholder('userId')))
    .prepare('atensi_load_assignments');
const preparedAssignments = new WeakMap<Db, ReturnType<typeof assignmentsQuery>>();

export const loadAssignments = async (
  db: Db,
  userId: string,
): Promise<{ role: Role; centerId: string | null }[]> => {
  let query = preparedAssignments.get(db);
  if (!query) {
    query = assignmentsQuery(db);
    preparedAssignments.set(db, query);
  }
  const rows = await query.execute({ userId });
  return rows.map((r) => ({ role: r.role as Role, centerId: r.centerId }));
};

const present = async (db: Db, rows: UserRow[]): Promise<User[]> => {
  const ids = rows.map((r) => r.id);
  const assignments =
    ids.length === 0
      ? []
      : await db
          .select()
          .from(roleAssignments)
          .where(inArray(roleAssignments.userId, ids))
          .orderBy(asc(roleAssignments.createdAt));
  const names = await centerNames(db, [
    ...new Set(assignments.flatMap((a) => (a.centerId ? [a.centerId] : []))),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    username: r.username,
    active: r.active,
    roles: assignments
      .filter((a) => a.userId === r.id)
      .map((a) => ({
        id: a.id,
        role: a.role as Role,
        centerId: a.centerId,
        centerName: a.centerId ? (names.get(a.centerId) ?? null) : null,
      })),
    createdAt: r.createdAt.toISOString(),
  }));
};

export const getUser = async (db: Db, id: string): Promise<User> => {
  const [row] = await db.select().from(users).where(eq(users.id, id));
  if (!row) throw userError('user.not_found');
  return (await present(db, [row]))[0]!;
};

export const listUsers = async (db: Db, query: UserListQuery): Promise<Page<User>> => {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.username, pattern)) as SQL,
    );
  }
  if (query.active !== undefined) conditions.push(eq(users.active, query.active));
  if (query.role || query.centerId) {
    const roleConditions: SQL[] = [sql`${roleAssignments.userId} = ${users.id}`];
    if (query.role) roleConditions.push(eq(roleAssignments.role, query.role));
    if (query.centerId) roleConditions.push(eq(roleAssignments.centerId, query.centerId));
    conditions.push(sql`exists (select 1 from ${roleAssignments} where ${and(...roleConditions)})`);
  }
  const where = conditions.length > 0 ? and(...conditions) : undefined;
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(users.name), asc(users.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(users).where(where),
  ]);
  return {
    items: await present(db, rows),
    total: Number(count?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
};

const checkCenters = async (db: Db, assignments: RoleAssignment[], pathOf: (i: number) => string) => {
  const ids = [...new Set(assignments.flatMap((a) => (a.centerId ? [a.centerId] : [])))];
  const known = await centerNames(db, ids);
  const bad = assignments.flatMap((a, i) => (a.centerId && !known.has(a.centerId) ? [i] : []));
  if (bad.length > 0) {
    const message = userError('user.center_unknown').localised;
    throw userError(
      'user.center_unknown',
      {},
      bad.map((i) => ({ path: pathOf(i), message })),
    );
  }
};

export const createUser = async (opts: {
  db: Db;
  context: AuditContext;
  input: CreateUserInput;
  /** Only the demo data loader (never in production) may give the published demo password. */
  allowDemoPassword?: boolean;
}): Promise<User> => {
  const { db, context, input } = opts;
  const problem = passwordProblem(input.password, {
    userInputs: identityWords(input),
    allowDemoPassword: opts.allowDemoPassword ?? false,
  });
  if (problem) throw passwordError(problem);
  await checkCenters(db, input.roles, (i) => `roles.${i}.centerId`);
  const id = uuidv7();
  try {
    await withAudit(db, context, async (tx, audit) => {
      const [row] = await tx
        .insert(users)
        .values({
          id,
          name: input.name,
          email: input.email,
          username: input.username,
          displayUsername: input.username,
        })
        .returning();
      await createCredentialAccount(tx, { id: uuidv7(), userId: id, password: input.password });
      const unique = [...new Map(input.roles.map((r) => [`${r.role}|${r.centerId}`, r])).values()];
      if (unique.length > 0) {
        await tx
          .insert(roleAssignments)
          .values(unique.map((r) => ({ id: uuidv7(), userId: id, role: r.role, centerId: r.centerId })));
      }
      audit({
        action: 'create',
        entity: 'user',
        entityId: id,
        changes: [
          ...diffRecords(null, {
            ...row!,
            roles: unique.map((r) => `${r.role}@${r.centerId ?? 'nasional'}`),
          }),
        ],
      });
    });
  } catch (error) {
    if (sqlState(error) === uniqueViolation) {
      const detail = String(
        (error as { cause?: { detail?: string } }).cause?.detail ?? (error as Error).message,
      );
      const which = /username/.test(detail) ? 'user.username_taken' : 'user.email_taken';
      throw userError(which, {}, [
        { path: which === 'user.username_taken' ? 'username' : 'email', message: userError(which).localised },
      ]);
    }
    throw error;
  }
  return getUser(db, id);
};

export const assignRole = async (opts: {
  db: Db;
  context: AuditContext;
  userId: string;
  input: RoleAssignment;
}): Promise<User> => {
  const { db, context, userId, input } = opts;
  await getUser(db, userId);
  await checkCenters(db, [input], () => 'centerId');
  try {
    await withAudit(db, context, async (tx, audit) => {
      const id = uuidv7();
      await tx.insert(roleAssignments).values({ id, userId, role: input.role, centerId: input.centerId });
      audit({
        action: 'create',
        entity: 'role_assignment',
        entityId: id,
        changes: diffRecords(null, { userId, ...input }),
      });
    });
  } catch (error) {
    if (sqlState(error) === uniqueViolation) throw userError('user.role_exists');
    throw error;
  }
  return getUser(db, userId);
};

export const removeRole = async (opts: {
  db: Db;
  context: AuditContext;
  userId: string;
  assignmentId: string;
}): Promise<User> => {
  const { db, context, userId, assignmentId } = opts;
  await withAudit(db, context, async (tx, audit) => {
    const [removed] = await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.id, assignmentId), eq(roleAssignments.userId, userId)))
      .returning();
    if (!removed) throw userError('user.role_not_found');
    audit({
      action: 'delete',
      entity: 'role_assignment',
      entityId: assignmentId,
      changes: diffRecords(removed, null, { ignore: ['id'] }),
    });
  });
  return getUser(db, userId);
};

/** Deactivation takes effect at once: the flag and the end of every session are one transaction. */
export const setUserActive = async (opts: {
  db: Db;
  context: AuditContext;
  userId: string;
  active: boolean;
}): Promise<User> => {
  const { db, context, userId, active } = opts;
  if (!active && context.actorId === userId) throw userError('user.self_deactivation');
  await withAudit(db, context, async (tx, audit) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId)).for('update');
    if (!before) throw userError('user.not_found');
    if (before.active === active) return;
    const [after] = await tx
      .update(users)
      .set({ active, version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning();
    if (!active) await endSessions(tx, userId);
    audit({ action: 'update', entity: 'user', entityId: userId, changes: diffRecords(before, after!) });
  });
  return getUser(db, userId);
};

/** Does the user hold one of these roles at the centre? (Other modules check assignments through this.) */
export const holdsRoleAt = async (
  db: Db,
  userId: string,
  roles: Role[],
  centerId: string,
): Promise<boolean> => {
  const [row] = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.centerId, centerId),
        inArray(roleAssignments.role, roles),
        eq(users.active, true),
      ),
    )
    .limit(1);
  return Boolean(row);
};

export const userNames = async (db: Db, ids: string[]): Promise<Map<string, string>> => {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Active social workers per centre, for routing by caseload. */
export const socialWorkerCounts = async (db: Db): Promise<Map<string, number>> => {
  const rows = await db
    .select({
      centerId: roleAssignments.centerId,
      n: sql<number>`count(distinct ${roleAssignments.userId})::int`,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'social_worker'), eq(users.active, true)))
    .groupBy(roleAssignments.centerId);
  return new Map(rows.flatMap((r) => (r.centerId ? [[r.centerId, Number(r.n)] as const] : [])));
};

/** Active users holding one of these roles at the centre, by name, with the roles they hold there. */
export const usersWithRoleAt = async (
  db: Db,
  centerId: string,
  roles: Role[],
): Promise<{ id: string; name: string; roles: Role[] }[]> => {
  const rows = await db
    .select({ id: users.id, name: users.name, role: roleAssignments.role })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(
      and(
        eq(roleAssignments.centerId, centerId),
        inArray(roleAssignments.role, roles),
        eq(users.active, true),
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
  const byUser = new Map<string, { id: string; name: string; roles: Role[] }>();
  for (const r of rows) {
    const entry = byUser.get(r.id) ?? { id: r.id, name: r.name, roles: [] };
    entry.roles.push(r.role as Role);
    byUser.set(r.id, entry);
  }
  return [...byUser.values()];
};
