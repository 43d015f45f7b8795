import { type CreatePersonInput, type OpenCaseFromTicketInput, ticketEventText } from '@atensi/domain';
import { eq } from 'drizzle-orm';
import type { AuditContext, AuditRecord } from '../../platform/audit/audit.ts';
import { withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { createCase, loadCase } from '../cases/cases.service.ts';
import { centerNames } from '../centers/centers.service.ts';
import { createPerson } from '../persons/persons.service.ts';
import { serasiError, serasiFieldError } from './serasi.errors.ts';
import { serasiTickets } from './serasi.tables.ts';
import { addTicketEvent, inDeskScope, type TicketRow, ticketPersonalFields } from './tickets.service.ts';

type TicketEvent = { kind: string; public: boolean; text: string };
type Triage = { db: Db; context: AuditContext; triageScope: string[]; id: string; version: number };

/**
 * One triage step on an open ticket the officer's desk covers, under a row lock with the
 * version check. Any step but an internal note counts as the first response; the ticket
 * row, its timeline and the audit rows are one transaction.
 */
const workOnTicket = (
  opts: Triage,
  work: (
    tx: Db,
    row: TicketRow,
    audit: (r: AuditRecord) => void,
  ) => Promise<{ set?: Partial<typeof serasiTickets.$inferInsert>; events: TicketEvent[] }>,
) =>
  withAudit(opts.db, opts.context, async (tx, audit) => {
    const [row] = await tx.select().from(serasiTickets).where(eq(serasiTickets.id, opts.id)).for('update');
    if (!row || !inDeskScope(opts.triageScope, row)) throw serasiError('serasi.not_found');
    if (row.version !== opts.version) throw serasiError('serasi.version_conflict');
    if (row.closedAt) throw serasiError('serasi.closed');
    const { set = {}, events } = await work(tx, row, audit);
    const now = new Date();
    const responding = events.some((e) => e.kind !== 'internal_note');
    const [after] = await tx
      .update(serasiTickets)
      .set({
        ...(responding && row.status === 'new' ? { status: 'in_progress' } : {}),
        ...(responding && !row.firstRespondedAt ? { firstRespondedAt: now } : {}),
        ...set,
        version: row.version + 1,
        updatedAt: now,
      })
      .where(eq(serasiTickets.id, row.id))
      .returning();
    for (const e of events)
      await addTicketEvent(tx, { ticketId: row.id, ...e, context: opts.context, at: now });
    audit({
      action: 'update',
      entity: 'serasi_ticket',
      entityId: row.id,
      changes: diffRecords(row, after!, { personal: ticketPersonalFields }),
    });
  });

export const assignTicket = (opts: Triage & { centerId: string }) =>
  workOnTicket(opts, async (tx, row) => {
    if (!row.coveringCenterIds.includes(opts.centerId))
      throw serasiFieldError('serasi.center_not_covering', 'centerId');
    const name = (await centerNames(tx, [opts.centerId])).get(opts.centerId) ?? '';
    return {
      set: { centerId: opts.centerId },
      events: [{ kind: 'assigned', public: true, text: ticketEventText('assigned', { center: name }) }],
    };
  });

export const answerTicket = (opts: Triage & { text: string }) =>
  workOnTicket(opts, async () => ({ events: [{ kind: 'public_answer', public: true, text: opts.text }] }));

/** Internal notes are for the desk only: never on the tracking page. */
export const noteTicket = (opts: Triage & { text: string }) =>
  workOnTicket(opts, async () => ({ events: [{ kind: 'internal_note', public: false, text: opts.text }] }));

export const forwardTicket = (opts: Triage & { agency: string; note: string; publicText: string }) =>
  workOnTicket(opts, async () => ({
    set: { status: 'forwarded' },
    events: [
      {
        kind: 'forwarded',
        public: false,
        text: ticketEventText('forwarded', { agency: opts.agency, note: opts.note }),
      },
      { kind: 'public_answer', public: true, text: opts.publicText },
    ],
  }));

export const closeTicket = (opts: Triage & { publicText: string }) =>
  workOnTicket(opts, async () => ({
    set: { status: 'closed', closedAt: new Date(), escalationLevel: 0 },
    events: [{ kind: 'closed', public: true, text: opts.publicText }],
  }));

const followedUp = (centre: string): TicketEvent => ({
  kind: 'public_answer',
  public: true,
  text: ticketEventText('followed_up', { center: centre }),
});

/** Links an existing case of one of the officer's centres. */
export const linkTicketToCase = (opts: Triage & { caseId: string }) =>
  workOnTicket(opts, async (tx, row) => {
    if (row.caseId) throw serasiError('serasi.already_has_case');
    const found = await loadCase(tx, opts.caseId).catch(() => null);
    if (!found || !opts.triageScope.includes(found.centerId))
      throw serasiFieldError('serasi.case_not_found', 'caseId');
    const centre = (await centerNames(tx, [found.centerId])).get(found.centerId) ?? '';
    return {
      set: { caseId: found.id, personId: found.personId, centerId: row.centerId ?? found.centerId },
      events: [
        {
          kind: 'case_linked',
          public: false,
          text: ticketEventText('case_linked', { number: found.number }),
        },
        followedUp(centre),
      ],
    };
  });

/**
 * Opens an ATENSI case from the ticket, registering the person quickly when they are new
 * (no NIK needed: the reporter rarely knows it). Person, case and ticket change together.
 */
export const openCaseFromTicket = (opts: Triage & { input: OpenCaseFromTicketInput }) =>
  workOnTicket(opts, async (tx, row) => {
    const { input } = opts;
    if (row.caseId) throw serasiError('serasi.already_has_case');
    if (!opts.triageScope.includes(input.centerId))
      throw serasiFieldError('serasi.center_not_covering', 'centerId');
    const personId =
      'personId' in input.person
        ? input.person.personId
        : await createPerson({ db: tx, context: opts.context, input: quickPerson(input, row) });
    const caseId = await createCase({
      db: tx,
      context: opts.context,
      input: {
        personId,
        centerId: input.centerId,
        clusters: input.clusters,
        childSpecialProtection: false,
        intakeChannel: row.source === 'referral' ? 'referral_in' : 'serasi',
        intakeReference: (row.referralLetter ?? row.code).slice(0, 100),
        problem: input.problem,
        urgency: input.urgency,
        modality: input.modality,
        assignedWorkerId: input.assignedWorkerId,
        recommendedCenterId: null,
        overrideReason: null,
      },
    });
    const opened = await loadCase(tx, caseId);
    const centre = (await centerNames(tx, [input.centerId])).get(input.centerId) ?? '';
    return {
      set: { caseId, personId, centerId: input.centerId },
      events: [
        {
          kind: 'case_opened',
          public: false,
          text: ticketEventText('case_opened', { number: opened.number }),
        },
        followedUp(centre),
      ],
    };
  });

/** A person known only from a report: the reporter's place, an estimated birth year, vital interest as the legal basis. */
const quickPerson = (input: OpenCaseFromTicketInput, row: TicketRow): CreatePersonInput => {
  const p = input.person as Extract<OpenCaseFromTicketInput['person'], { fullName: string }>;
  return {
    centerId: input.centerId,
    nik: null,
    nikUnknownReason: row.subject === 'neglected_child' ? 'unidentified_child' : 'other',
    nikWarningsConfirmed: false,
    kkNumber: null,
    fullName: p.fullName,
    aliases: [],
    sex: p.sex,
    birthDate: null,
    birthYearEstimate: p.birthYearEstimate,
    birthPlace: null,
    regionCode: row.regionCode,
    rt: null,
    rw: null,
    street: row.landmark,
    phone: null,
    disabilityTypes: row.subject === 'odgj' ? ['mental'] : [],
    dtksStatus: 'unknown',
    dtksDecile: null,
    legalBasis: 'vital_interest',
    consentBy: null,
    consentGuardianName: null,
  };
};
