import type { MergePersonsInput } from '@atensi/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { type AuditContext, type AuditRecord, withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { duplicateKeys } from './duplicate-keys.ts';
import { personError } from './persons.errors.ts';
import { auditIgnore, inScope, type PersonScope } from './persons.service.ts';
import { personMerges, personRelations, persons } from './persons.tables.ts';

/**
 * Folds `mergedId` into `survivorId` in one transaction: the merged record stays (marked,
 * out of lists) so its history is kept; its family links move to the survivor; its names
 * become aliases; the survivor takes NIK/KK/phone only where it had none. Later modules that
 * own records of a person (cases, services) move theirs in the same transaction.
 */
export type MergeHook = (
  tx: Db,
  audit: (r: AuditRecord) => void,
  from: { personId: string },
  to: { personId: string },
  context: AuditContext,
) => Promise<unknown>;

export const mergePersons = async (opts: {
  db: Db;
  context: AuditContext;
  input: MergePersonsInput;
  scope: PersonScope;
  /** What other modules move from the merged person to the survivor (cases…), in the same transaction. */
  moveRecords?: MergeHook[];
}): Promise<void> => {
  const { db, context, input, scope } = opts;
  if (input.survivorId === input.mergedId) throw personError('person.merge_same');
  await withAudit(db, context, async (tx, audit) => {
    // Lock in id order so two opposite merges cannot deadlock.
    const locked = await tx
      .select()
      .from(persons)
      .where(inArray(persons.id, [input.survivorId, input.mergedId]))
      .orderBy(persons.id)
      .for('update');
    const survivor = locked.find((p) => p.id === input.survivorId);
    const merged = locked.find((p) => p.id === input.mergedId);
    // Both records must be the merger's: a head merges only records registered at their centres
    // (a merge rewrites the survivor and moves the merged record's cases); central staff merge
    // across centres (decision 0017). One answer for "absent" and "not yours".
    if (!survivor || !merged || !inScope(scope, survivor) || !inScope(scope, merged))
      throw personError('person.not_found');
    if (survivor.mergedIntoId || merged.mergedIntoId) throw personError('person.already_merged');
    if (survivor.version !== input.survivorVersion || merged.version !== input.mergedVersion) {
      throw personError('person.version_conflict');
    }
    const now = new Date();
    const aliases = [...new Set([...survivor.aliases, ...merged.aliases, merged.fullName])].filter(
      (a) => a !== survivor.fullName,
    );
    // The merged record gives up its NIK first: one live record per NIK.
    const [mergedAfter] = await tx
      .update(persons)
      .set({ mergedIntoId: survivor.id, mergedAt: now, version: merged.version + 1, updatedAt: now })
      .where(eq(persons.id, merged.id))
      .returning();
    const aliasesNormalized = [survivor.aliasesNormalized, merged.nameNormalized, merged.aliasesNormalized]
      .filter(Boolean)
      .join(' | ');
    const [survivorAfter] = await tx
      .update(persons)
      .set({
        aliases,
        aliasesNormalized,
        // The merged names become keys of the survivor too, so the finder meets them through it.
        dupKeys: duplicateKeys({ ...survivor, aliasesNormalized }),
        nik: survivor.nik ?? merged.nik,
        nikUnknownReason: (survivor.nik ?? merged.nik) ? null : survivor.nikUnknownReason,
        kkNumber: survivor.kkNumber ?? merged.kkNumber,
        phone: survivor.phone ?? merged.phone,
        version: survivor.version + 1,
        updatedAt: now,
      })
      .where(eq(persons.id, survivor.id))
      .returning();
    const moved = await tx.select().from(personRelations).where(eq(personRelations.personId, merged.id));
    for (const r of moved) {
      if (r.relatedPersonId === survivor.id) continue;
      await tx
        .insert(personRelations)
        .values({ personId: survivor.id, relatedPersonId: r.relatedPersonId, relationship: r.relationship })
        .onConflictDoNothing();
    }
    await tx
      .update(personRelations)
      .set({ relatedPersonId: survivor.id })
      .where(
        and(
          eq(personRelations.relatedPersonId, merged.id),
          sql`${personRelations.personId} <> ${survivor.id}`,
          sql`not exists (select 1 from ${personRelations} r2 where r2.person_id = ${personRelations.personId} and r2.related_person_id = ${survivor.id})`,
        ),
      );
    for (const move of opts.moveRecords ?? []) {
      await move(tx, audit, { personId: merged.id }, { personId: survivor.id }, context);
    }
    const mergeId = uuidv7();
    await tx.insert(personMerges).values({
      id: mergeId,
      survivorId: survivor.id,
      mergedId: merged.id,
      reason: input.reason,
      mergedBy: context.actorId,
      mergedAt: now,
    });
    audit({
      action: 'update',
      entity: 'person',
      entityId: survivor.id,
      changes: [
        ...diffRecords(survivor, survivorAfter!, { ignore: auditIgnore }),
        { field: 'mergedFrom', before: null, after: merged.id },
      ],
    });
    audit({
      action: 'update',
      entity: 'person',
      entityId: merged.id,
      changes: diffRecords(merged, mergedAfter!, { ignore: auditIgnore }),
    });
    audit({
      action: 'create',
      entity: 'person_merge',
      entityId: mergeId,
      changes: diffRecords(null, { survivorId: survivor.id, mergedId: merged.id, reason: input.reason }),
    });
  });
};
