import {
  type CreateReferralInput,
  formatDate,
  openReferralStatuses,
  type Referral,
  type ReferralStatusInput,
  type ReferralTarget,
  referralStepText,
  zoneOfRegion,
} from '@atensi/domain';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Content } from 'pdfmake/interfaces';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { renderPdf } from '../../platform/documents/pdf.ts';
import { documentHeader, table } from './case-documents.ts';
import {
  insertReferral,
  programmeNames,
  type ReferralRow,
  stepReferral,
  targetNameOf,
  toReferral,
} from './case-referrals.ts';
import { caseError } from './cases.errors.ts';
import { caseReferrals, cases } from './cases.tables.ts';

/**
 * Referrals forwarded from SERASI tickets that have no case (decision 0015): a complaint about
 * PKH aid goes to PKH as a tracked referral with status, dates and a letter, sent by the desk
 * of the ticket's centre. A ticket with a case is referred through the case (`referCase`).
 */

/** Runs inside the serasi module's transaction, so the ticket and its referral change together. */
export const createTicketReferral = (opts: {
  db: Db;
  context: AuditContext;
  ticket: { id: string; code: string };
  centerId: string;
  input: CreateReferralInput;
}): Promise<{ id: string; targetName: string }> =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const targetName = await targetNameOf(tx, opts.input, opts.centerId);
    const row = await insertReferral(tx, opts.context, audit, {
      caseId: null,
      ticketId: opts.ticket.id,
      ticketCode: opts.ticket.code,
      centerId: opts.centerId,
      input: opts.input,
      targetName,
    });
    return { id: row.id, targetName };
  });

/** The programme's name when the target is one: safe to tell the reporter, unlike an RSJ or LKS. */
export const publicProgrammeName = (target: ReferralTarget): string | null => programmeNames[target] ?? null;

/** Every referral made from the ticket, with or without a case, oldest first. */
export const referralsOfTicket = async (db: Db, ticketId: string): Promise<Referral[]> => {
  const rows = await db
    .select({ referral: caseReferrals, number: cases.number, centerId: cases.centerId })
    .from(caseReferrals)
    .leftJoin(cases, eq(cases.id, caseReferrals.caseId))
    .where(eq(caseReferrals.ticketId, ticketId))
    .orderBy(asc(caseReferrals.sentAt), asc(caseReferrals.id));
  return rows.map((r) =>
    toReferral(r.referral, r.number && r.centerId ? { number: r.number, centerId: r.centerId } : null),
  );
};

/** A ticket's referral without a case, for the desk of its sending centre. */
export const loadTicketReferral = async (
  db: Db,
  id: string,
  deskCenterIds: string[],
): Promise<ReferralRow> => {
  const [row] = await db
    .select()
    .from(caseReferrals)
    .where(and(eq(caseReferrals.id, id), isNull(caseReferrals.caseId)));
  if (!row?.centerId || !deskCenterIds.includes(row.centerId)) throw caseError('case.referral_not_found');
  return row;
};

/**
 * The answer to a ticket's referral. The sending desk records the answers of programmes and
 * agencies without users here, completes and cancels; the receiving LKS answers its own while
 * the referral is open. `onAnswered` lets the serasi module put the step on the ticket's
 * timeline in the same transaction.
 */
export const answerTicketReferral = (opts: {
  db: Db;
  context: AuditContext;
  referralId: string;
  deskCenterIds: string[];
  partnerIds: string[];
  input: ReferralStatusInput;
  onAnswered: (tx: Db, step: { ticketId: string; text: string }) => Promise<void>;
}): Promise<Referral> =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const { input } = opts;
    const [referral] = await tx
      .select()
      .from(caseReferrals)
      .where(and(eq(caseReferrals.id, opts.referralId), isNull(caseReferrals.caseId)))
      .for('update');
    if (!referral?.ticketId) throw caseError('case.referral_not_found');
    const open = (openReferralStatuses as readonly string[]).includes(referral.status);
    const side =
      referral.centerId && opts.deskCenterIds.includes(referral.centerId)
        ? 'case'
        : referral.partnerId && opts.partnerIds.includes(referral.partnerId) && open
          ? 'partner'
          : null;
    if (!side) throw caseError('case.referral_not_found');
    if (referral.version !== input.version) throw caseError('case.referral_version_conflict');
    const after = await stepReferral(tx, audit, referral, input, side);
    await opts.onAnswered(tx, {
      ticketId: referral.ticketId,
      text: referralStepText(input.status, referral.targetName, input.note ?? null),
    });
    return toReferral(after, null);
  });

/**
 * Surat penerusan: the letter that goes with a ticket forwarded to a programme or agency. It
 * names the ticket and the reason, never the reporter; producing it is audited.
 */
export const ticketReferralLetterPdf = async (opts: {
  db: Db;
  context: AuditContext;
  referral: ReferralRow;
  ticket: { code: string; filedAt: Date; area: string };
}): Promise<Buffer> => {
  const { referral: r, ticket } = opts;
  const { center, head } = await documentHeader(opts.db, r.centerId!);
  await withAudit(opts.db, opts.context, async (_tx, audit) =>
    audit({ action: 'read', entity: 'case_referral', entityId: r.id, changes: [] }),
  );
  const zone = zoneOfRegion(center.regionCode);
  const number = r.letterNumber ?? '-';
  return renderPdf(`Surat rujukan ${number}`, [
    ...head,
    {
      columns: [
        { text: `Nomor: ${number}\nPerihal: Penerusan laporan masyarakat (SERASI ${ticket.code})` },
        { text: formatDate(r.sentAt, zone), alignment: 'right' },
      ],
    },
    { text: `\nKepada Yth.\n${r.targetName}\ndi tempat\n\n` },
    {
      text: 'Dengan hormat,\nBersama ini kami teruskan laporan masyarakat yang kami terima melalui layanan SERASI untuk ditindaklanjuti sesuai kewenangan Bapak/Ibu:',
    },
    {
      ...(table([
        ['Kode tiket', ticket.code],
        ['Diterima', formatDate(ticket.filedAt, zone)],
        ['Wilayah', ticket.area || '-'],
      ]) as object),
      margin: [0, 8, 0, 8],
    } as Content,
    { text: `Pokok permasalahan: ${r.reason}` },
    {
      text: `\nMohon kabar tindak lanjutnya kepada ${center.name} dengan menyebut kode tiket di atas. Atas perhatian dan kerja samanya kami ucapkan terima kasih.\n\n`,
    },
    {
      text: `Kepala ${center.name}\n\n\n\n${center.headName ?? '(.............................)'}`,
      alignment: 'right',
    },
  ]);
};
