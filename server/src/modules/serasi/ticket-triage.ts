import {
  type CreatePersonInput,
  clipText,
  type ForwardTicketInput,
  type LinkTicketInput,
  type OpenCaseFromTicketInput,
  ticketEventText,
} from '@atensi/domain';
import { eq } from 'drizzle-orm';
import type { AuditContext, AuditRecord } from '../../platform/audit/audit.ts';
import { withAudit } from '../../platform/audit/audit.ts';
import { diffRecords } from '../../platform/audit/changes.ts';
import type { Db } from '../../platform/db/client.ts';
import { referCase } from '../cases/case-referrals.ts';
import { caseIdByNumber, createCase, loadCase, personsServedAt } from '../cases/cases.service.ts';
import { createTicketReferral, publicProgrammeName } from '../cases/ticket-referrals.ts';
import { centerNames } from '../centers/centers.service.ts';
import { createPerson, loadPerson, visibleTo } from '../persons/persons.service.ts';
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

/**
 * Forwards the ticket as a tracked referral: through its case when it has one (so the case's
 * worker follows it), else as a referral of the sending desk's centre. The reporter reads
 * which programme took it, never an RSJ, LKS or the internal reason.
 */
export const forwardTicket = (opts: Triage & { input: ForwardTicketInput }) =>
  workOnTicket(opts, async (tx, row) => {
    const { publicText, version: _version, ...referral } = opts.input;
    const centerId =
      row.centerId && opts.triageScope.includes(row.centerId)
        ? row.centerId
        : row.coveringCenterIds.find((c) => opts.triageScope.includes(c));
    if (!centerId) throw serasiError('serasi.not_found');
    const ticket = { id: row.id, code: row.code };
    const made = row.caseId
      ? await referCase({
          db: tx,
          context: opts.context,
          viewer: {
            userId: opts.context.actorId ?? '',
            national: false,
            headOf: [],
            workerAt: [],
            partnerIds: [],
            deskAt: opts.triageScope,
          },
          id: row.caseId,
          input: referral,
          // The desk of the case's centre forwards for the ticket it linked or opened the case from.
          may: (_viewer, c) => opts.triageScope.includes(c.centerId),
          ticket,
        })
      : await createTicketReferral({ db: tx, context: opts.context, ticket, centerId, input: referral });
    const programme = publicProgrammeName(referral.target);
    return {
      set: { status: 'forwarded', centerId: row.centerId ?? centerId },
      events: [
        {
          kind: 'forwarded',
          public: false,
          text: referral.letterNumber
            ? ticketEventText('forwarded_letter', {
                agency: made.targetName,
                letter: referral.letterNumber,
                note: referral.reason,
              })
            : ticketEventText('forwarded', { agency: made.targetName, note: referral.reason }),
        },
        {
          kind: 'forwarded',
          public: true,
          text: programme
            ? ticketEventText('forwarded_public', { programme })
            : ticketEventText('forwarded_public_authority', {}),
        },
        { kind: 'public_answer', public: true, text: publicText },
      ],
    };
  });

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

/** Links an existing case of one of the officer's centres, chosen from a search or typed by its number. */
export const linkTicketToCase = (opts: Triage & { input: LinkTicketInput }) =>
  workOnTicket(opts, async (tx, row) => {
    if (row.caseId) throw serasiError('serasi.already_has_case');
    const { caseId, caseNumber } = opts.input;
    const field = caseId ? 'caseId' : 'caseNumber';
    const id = caseId ?? (caseNumber ? await caseIdByNumber(tx, caseNumber) : null);
    const found = id ? await loadCase(tx, id).catch(() => null) : null;
    if (!found || !opts.triageScope.includes(found.centerId))
      throw serasiFieldError('serasi.case_not_found', field);
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

/** A registered person the officer's centres may see (registered there or served there in a case). */
const visiblePerson = async (tx: Db, scope: string[], id: string): Promise<string> => {
  const person = await loadPerson(tx, id).catch(() => null);
  if (!person || person.mergedIntoId || !(await visibleTo(tx, scope, person, personsServedAt)))
    throw serasiFieldError('serasi.person_not_found', 'person.personId');
  return person.id;
};

/**
 * Opens an ATENSI case from the ticket for a registered person, or registering the person
 * quickly when they are new (no NIK needed: the reporter rarely knows it). Person, case and
 * ticket change together.
 */
export const openCaseFromTicket = (opts: Triage & { input: OpenCaseFromTicketInput }) =>
  workOnTicket(opts, async (tx, row) => {
    const { input } = opts;
    if (row.caseId) throw serasiError('serasi.already_has_case');
    if (!opts.triageScope.includes(input.centerId))
      throw serasiFieldError('serasi.center_not_covering', 'centerId');
    const personId =
      'personId' in input.person
        ? await visiblePerson(tx, opts.triageScope, input.person.personId)
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
        intakeReference: clipText(row.referralLetter ?? row.code, 100),
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
