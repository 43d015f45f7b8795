import { and, eq } from 'drizzle-orm';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { personError } from './persons.errors.ts';
import {
  findPerson,
  inScope,
  loadPerson,
  type PersonScope,
  type ServedBy,
  visibleTo,
} from './persons.service.ts';
import { personRelations } from './persons.tables.ts';

/** The family member the body names, as "not found" on its field when the actor may not see them. */
const relatedNotFound = () =>
  personError('person.not_found', {}, [
    { path: 'relatedPersonId', message: personError('person.not_found').localised },
  ]);

/**
 * Links a family member (another registered person) to a person in scope. The link shows the
 * member's name on the person's page, so the member must be someone the actor may see too
 * (registered at or served by one of their centres): an id from elsewhere is "not found".
 */
export const addFamilyMember = async (opts: {
  db: Db;
  context: AuditContext;
  personId: string;
  relatedPersonId: string;
  relationship: string;
  scope: PersonScope;
  servedBy?: ServedBy;
}) => {
  const { db, context, personId, relatedPersonId, relationship, scope } = opts;
  if (personId === relatedPersonId) throw personError('person.relation_self');
  const person = await loadPerson(db, personId);
  if (!inScope(scope, person)) throw personError('person.not_found');
  const related = await findPerson(db, relatedPersonId);
  if (!related || !(await visibleTo(db, scope, related, opts.servedBy))) throw relatedNotFound();
  if (related.mergedIntoId || person.mergedIntoId) throw personError('person.already_merged');
  await withAudit(db, context, async (tx, audit) => {
    const [row] = await tx
      .insert(personRelations)
      .values({ personId, relatedPersonId, relationship })
      .onConflictDoUpdate({
        target: [personRelations.personId, personRelations.relatedPersonId],
        set: { relationship },
      })
      .returning();
    audit({
      action: 'create',
      entity: 'person_relation',
      entityId: `${personId}:${relatedPersonId}`,
      changes: diffRecords(null, row!),
    });
  });
};

export const removeFamilyMember = async (opts: {
  db: Db;
  context: AuditContext;
  personId: string;
  relatedPersonId: string;
  scope: PersonScope;
}) => {
  const { db, context, personId, relatedPersonId, scope } = opts;
  const person = await loadPerson(db, personId);
  if (!inScope(scope, person)) throw personError('person.not_found');
  await withAudit(db, context, async (tx, audit) => {
    const [row] = await tx
      .delete(personRelations)
      .where(
        and(eq(personRelations.personId, personId), eq(personRelations.relatedPersonId, relatedPersonId)),
      )
      .returning();
    if (!row) throw personError('person.not_found');
    audit({
      action: 'delete',
      entity: 'person_relation',
      entityId: `${personId}:${relatedPersonId}`,
      changes: diffRecords(row, null),
    });
  });
};
