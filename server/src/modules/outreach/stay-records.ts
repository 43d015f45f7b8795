import type { StayKind } from '@atensi/domain';
import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { AuditRecord } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { stays } from './outreach.tables.ts';

export type StayRow = typeof stays.$inferSelect;
type Audit = (record: AuditRecord) => void;

/** The case's open stay, locked: one at a time per case (a unique index holds it too). */
export const lockOpenStay = async (tx: Db, caseId: string): Promise<StayRow | undefined> => {
  const [row] = await tx
    .select()
    .from(stays)
    .where(and(eq(stays.caseId, caseId), isNull(stays.endedOn)))
    .for('update');
  return row;
};

/** Ends a stay on `on`, never before the day it began (a move may have been dated ahead). */
export const endStay = async (tx: Db, audit: Audit, row: StayRow, on: string): Promise<string> => {
  const endedOn = on < row.startedOn ? row.startedOn : on;
  const [ended] = await tx.update(stays).set({ endedOn }).where(eq(stays.id, row.id)).returning();
  audit({ action: 'update', entity: 'stay', entityId: row.id, changes: diffRecords(row, ended!) });
  return endedOn;
};

export const openStay = async (
  tx: Db,
  audit: Audit,
  values: {
    caseId: string;
    kind: StayKind;
    shelterId?: string | null;
    partnerId?: string | null;
    centerId?: string | null;
    startedOn: string;
    note: string | null;
    recordedById: string | null;
  },
): Promise<StayRow> => {
  const [created] = await tx
    .insert(stays)
    .values({ id: uuidv7(), ...values })
    .returning();
  audit({
    action: 'create',
    entity: 'stay',
    entityId: created!.id,
    changes: diffRecords(null, created!, { ignore: ['id'] }),
  });
  return created!;
};
