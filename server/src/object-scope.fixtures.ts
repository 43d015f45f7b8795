import { fileTicketInput, type Role, roles } from '@atensi/domain';
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { buildCenter, buildUser, signIn, type TestContext, type TestUser } from '../test/app.ts';
import { createReferral } from './modules/cases/case-referrals.ts';
import { requestTransfer } from './modules/cases/case-transfers.ts';
import { caseViewer } from './modules/cases/case-visibility.ts';
import { type CaseOpening, createCase } from './modules/cases/cases.service.ts';
import { createTicketReferral } from './modules/cases/ticket-referrals.ts';
import { createCampaign } from './modules/fundraising/campaigns.service.ts';
import { createDisaster, readDisaster, setNeed } from './modules/logistics/disasters.service.ts';
import { transferStock } from './modules/logistics/dispatches.service.ts';
import { recordDistribution } from './modules/logistics/distributions.service.ts';
import { createItem } from './modules/logistics/items.service.ts';
import { recordReceipt, requestAdjustment } from './modules/logistics/stock-writes.ts';
import { createWarehouse, warehouseStock } from './modules/logistics/warehouses.service.ts';
import { createShelter, recordOutreach } from './modules/outreach/outreach.service.ts';
import { addPartnerMember, createPartner } from './modules/partners/partners.service.ts';
import { createPerson } from './modules/persons/persons.service.ts';
import { issueFormToken } from './modules/serasi/form-token.ts';
import { serasiTickets } from './modules/serasi/serasi.tables.ts';
import { fileTicket } from './modules/serasi/tickets.service.ts';
import { systemContext } from './modules/users/first-admin.ts';
import { assignRole } from './modules/users/users.service.ts';
import type { Actor } from './platform/policy/policy.ts';

/**
 * The world of the object-scope suite (object-scope.int.test.ts): an own centre A where the
 * callers hold their roles, and another centre B whose objects they must not reach — a
 * person with full identity, a case with a referral to B's LKS, a shelter, an outreach run,
 * a SERASI ticket and its forwarded referral, a campaign, a warehouse with stock, a stock
 * count, a distribution to a person and dispatches. A few objects of A are there to carry
 * B's ids in their bodies, and A's sensitive case assigned to somebody else.
 */

/** Roles held in a centre: the callers of the suite, one user each at centre A. */
export const centerRoles = roles.filter((r) => r !== 'admin' && r !== 'central');

/** What no refused answer may carry: B's person, B's case and ticket texts, A's sensitive case. */
export const secrets = {
  nik: '3275016304790006',
  kk: '3275012003790011',
  phone: '081355557777',
  name: 'Rahasia Balai Lain',
  street: 'Jalan Tersembunyi No. 13',
  problem: 'Masalah rahasia yang hanya diketahui balai lain',
  ticket: 'Laporan rahasia yang hanya diketahui meja SERASI balai lain.',
  recipient: 'Penerima Rahasia',
  sensitiveName: 'Sensitif Tidak Ditugaskan',
  sensitiveProblem: 'Masalah sensitif yang hanya diketahui pekerjanya',
  // The person of B's case waiting for A's head: A reads the case (name, masked NIK), not the person.
  incomingNik: '3275016805820003',
  incomingKk: '3275011111820004',
  incomingPhone: '081366668888',
  incomingStreet: 'Gang Pindahan No. 4',
} as const;

export type World = {
  t: TestContext;
  A: string;
  B: string;
  /** One signed-in user per role at A (central too), with the Actor the policy sees. */
  callers: Map<Role, { cookie: string; actor: Actor; user: TestUser }>;
  own: {
    personId: string;
    caseId: string;
    /** A's NAPZA case assigned to another worker of A: only that worker and A's head may open it. */
    sensitiveCaseId: string;
    /** A case of B that B's worker asked to transfer to A: A's head reads it to decide. */
    incomingCaseId: string;
    incomingReferralId: string;
    ticketId: string;
    warehouseId: string;
    lotId: string;
    itemId: string;
    /** Stock from B in transit to A's warehouse. */
    incomingDispatchId: string;
  };
  foreign: {
    personId: string;
    personId2: string;
    caseId: string;
    referralId: string;
    shelterId: string;
    runId: string;
    partnerId: string;
    workerId: string;
    workerAssignmentId: string;
    ticketId: string;
    ticketCode: string;
    ticketReferralId: string;
    campaignId: string;
    warehouseId: string;
    lotId: string;
    adjustmentId: string;
    distributionId: string;
    dispatchId: string;
    dispatchLineId: string;
    disasterId: string;
    needId: string;
  };
};

const today = () => new Date().toISOString().slice(0, 10);

const personInput = (centerId: string, fullName: string, identity = false) => ({
  centerId,
  nik: identity ? secrets.nik : null,
  nikUnknownReason: identity ? null : ('homeless' as const),
  nikWarningsConfirmed: false,
  kkNumber: identity ? secrets.kk : null,
  fullName,
  aliases: [],
  sex: 'female' as const,
  birthDate: identity ? '1979-04-23' : null,
  birthYearEstimate: identity ? null : 1979,
  birthPlace: identity ? 'Karawang' : null,
  regionCode: '32.75.01.1001',
  rt: identity ? '004' : null,
  rw: identity ? '009' : null,
  street: identity ? secrets.street : null,
  phone: identity ? secrets.phone : null,
  disabilityTypes: [],
  dtksStatus: 'unknown' as const,
  dtksDecile: null,
  legalBasis: identity ? ('consent' as const) : ('vital_interest' as const),
  consentBy: identity ? ('self' as const) : null,
  consentGuardianName: null,
});

const caseInput = (
  personId: string,
  centerId: string,
  workerId: string,
  over: Partial<CaseOpening> = {},
) => ({
  personId,
  centerId,
  clusters: ['elderly' as const],
  childSpecialProtection: false,
  intakeChannel: 'walk_in' as const,
  intakeReference: null,
  problem: 'Lansia terlantar',
  urgency: 'medium' as const,
  modality: 'family' as const,
  assignedWorkerId: workerId,
  recommendedCenterId: null,
  overrideReason: null,
  ...over,
});

const partnerInput = (centerId: string, name: string) => ({
  name,
  kind: 'general' as const,
  centerId,
  regionCode: '32.75.01.1001',
  address: null,
  accreditation: 'B' as const,
  accreditedUntil: '2030-12-31',
  contactName: null,
  phone: null,
  email: null,
  services: ['elderly' as const],
  capacity: null,
});

const actorOf = (userId: string, role: Role, centerId: string | null): Actor => ({
  userId,
  name: `Uji ${role}`,
  email: '',
  username: null,
  assignments: [{ role, centerId }],
});

const fileAt = async (t: TestContext, regionCode: string, description: string) => {
  const { code } = await fileTicket({
    db: t.database.db,
    context: systemContext,
    input: fileTicketInput.parse({
      type: 'report_person',
      subject: 'odgj',
      description,
      regionCode,
      landmark: 'Dekat pasar',
      anonymous: true,
      consentAccepted: true,
      consentVersion: '2026-11',
      photo: null,
      formToken: issueFormToken(t.secret, new Date(Date.now() - 10_000)),
    }),
    secret: t.secret,
  });
  const [row] = await t.database.db.select().from(serasiTickets).where(eq(serasiTickets.code, code));
  return row!;
};

/** A warehouse of the centre holding 20 units of a fresh item, and the id of its lot. */
const stockedWarehouse = async (t: TestContext, centerId: string, officer: Actor, itemId: string) => {
  const db = t.database.db;
  const warehouse = await createWarehouse({
    db,
    context: systemContext,
    input: {
      centerId,
      kind: 'center',
      name: `Gudang Lingkup ${centerId.slice(-4)}`,
      regionCode: '32.75.01.1001',
      address: null,
      latitude: null,
      longitude: null,
    },
  });
  await recordReceipt({
    db,
    context: systemContext,
    actor: officer,
    warehouseId: warehouse.id,
    input: {
      source: 'donation',
      sourceName: 'Donatur Uji',
      documentNumber: 'BAST-LINGKUP',
      receivedOn: today(),
      note: null,
      lines: [{ itemId, quantity: 20, lotNumber: null, expiresOn: null }],
      idempotencyKey: uuidv7(),
    },
  });
  const lotId = (await warehouseStock(db, officer, warehouse.id)).lines[0]!.lots[0]!.id;
  return { warehouseId: warehouse.id, lotId };
};

export const buildWorld = async (t: TestContext): Promise<World> => {
  const db = t.database.db;
  // A covers Kota Bekasi (the builder's default), B only NTT: B's tickets never reach A's desk.
  const A = (await buildCenter(t.database)).id;
  const B = (await buildCenter(t.database, { regionCode: '53.71.01.1001', coverage: ['53'] })).id;

  const callers: World['callers'] = new Map();
  for (const role of [...centerRoles, 'central' as const]) {
    const centerId = role === 'central' ? null : A;
    const user = await buildUser(t.database, [{ role, centerId }]);
    callers.set(role, { cookie: await signIn(t.app, user), actor: actorOf(user.id, role, centerId), user });
  }
  const workerA = callers.get('social_worker')!.user;
  const otherWorkerA = await buildUser(t.database, [{ role: 'social_worker', centerId: A }]);
  const workerB = await buildUser(t.database, [{ role: 'social_worker', centerId: B }]);
  const headB = actorOf('object-scope-head-b', 'center_head', B);
  const officerA = actorOf('object-scope-officer-a', 'warehouse_officer', A);
  const officerB = actorOf('object-scope-officer-b', 'warehouse_officer', B);
  const workerAssignmentId = (
    await assignRole({
      db,
      context: systemContext,
      userId: workerB.id,
      input: { role: 'finance', centerId: B },
    })
  ).roles.find((r) => r.role === 'finance')!.id;

  // LKS of each centre; A's partner user works for A's.
  const partnerA = await createPartner({
    db,
    context: systemContext,
    input: partnerInput(A, 'LKS Lingkup A'),
  });
  const partnerB = await createPartner({
    db,
    context: systemContext,
    input: partnerInput(B, 'LKS Lingkup B'),
  });
  await addPartnerMember({
    db,
    context: systemContext,
    id: partnerA,
    userId: callers.get('partner')!.user.id,
  });

  // Persons and cases.
  const ownPerson = await createPerson({
    db,
    context: systemContext,
    input: personInput(A, 'Orang Lingkup A'),
  });
  const ownCase = await createCase({
    db,
    context: systemContext,
    input: caseInput(ownPerson, A, workerA.id),
  });
  const sensitivePerson = await createPerson({
    db,
    context: systemContext,
    input: personInput(A, secrets.sensitiveName),
  });
  const sensitiveCase = await createCase({
    db,
    context: systemContext,
    input: caseInput(sensitivePerson, A, otherWorkerA.id, {
      clusters: ['napza'],
      problem: secrets.sensitiveProblem,
    }),
  });
  const foreignPerson = await createPerson({
    db,
    context: systemContext,
    input: personInput(B, secrets.name, true),
  });
  const foreignPerson2 = await createPerson({
    db,
    context: systemContext,
    input: personInput(B, `${secrets.name} Dua`),
  });
  const foreignCase = await createCase({
    db,
    context: systemContext,
    input: caseInput(foreignPerson, B, workerB.id, { problem: secrets.problem }),
  });
  const viewerB = caseViewer(headB);
  const referral = await createReferral({
    db,
    context: systemContext,
    viewer: viewerB,
    id: foreignCase,
    input: {
      target: 'partner',
      partnerId: partnerB,
      targetCenterId: null,
      targetName: null,
      reason: 'Pendampingan di komunitas',
      letterNumber: null,
    },
  });
  const incomingPerson = await createPerson({
    db,
    context: systemContext,
    input: {
      ...personInput(B, 'Pindah Ke A', true),
      nik: secrets.incomingNik,
      kkNumber: secrets.incomingKk,
      phone: secrets.incomingPhone,
      street: secrets.incomingStreet,
      birthDate: '1982-05-28',
    },
  });
  const incomingCase = await createCase({
    db,
    context: systemContext,
    input: caseInput(incomingPerson, B, workerB.id),
  });
  const incomingReferral = await createReferral({
    db,
    context: systemContext,
    viewer: viewerB,
    id: incomingCase,
    input: {
      target: 'pkh',
      partnerId: null,
      targetCenterId: null,
      targetName: null,
      reason: 'Pendaftaran PKH',
      letterNumber: '7/2026',
    },
  });
  await requestTransfer({
    db,
    context: systemContext,
    viewer: viewerB,
    id: incomingCase,
    input: { toCenterId: A, reason: 'Lebih dekat dengan keluarga', version: 2 },
  });

  // Outreach: a TPS and a run of B.
  const shelterB = await createShelter({
    db,
    context: systemContext,
    input: {
      name: 'TPS Lingkup B',
      centerId: B,
      regionCode: '53.71.01.1001',
      address: null,
      capacity: 30,
      openedOn: today(),
    },
  });
  const runB = await recordOutreach({
    db,
    context: systemContext,
    input: {
      centerId: B,
      team: 'Tim B',
      date: today(),
      place: 'Terminal',
      regionCode: '53.71.01.1001',
      notes: null,
      assignedWorkerId: workerB.id,
      people: [
        {
          fullName: 'Ditemukan Tim B',
          sex: 'male',
          birthYearEstimate: 1980,
          clusters: ['social_deviance_trafficking'],
          urgency: 'high',
          problem: 'Tidur di terminal',
        },
      ],
    },
  });

  // SERASI: a ticket in A's coverage, one only B covers, and B's forwarded referral.
  const ownTicket = await fileAt(t, '32.75.01.1001', 'Laporan di wilayah balai A tentang orang terlantar.');
  const foreignTicket = await fileAt(t, '53.71.01.1001', secrets.ticket);
  const ticketReferral = await createTicketReferral({
    db,
    context: systemContext,
    ticket: { id: foreignTicket.id, code: foreignTicket.code },
    centerId: B,
    input: {
      target: 'partner',
      partnerId: partnerB,
      targetCenterId: null,
      targetName: null,
      reason: 'Pendampingan keluarga',
      letterNumber: null,
    },
  });

  // A campaign of B's case.
  const campaignId = await createCampaign({
    db,
    context: systemContext,
    viewer: viewerB,
    input: {
      caseId: foreignCase,
      platform: 'kitabisa',
      platformName: null,
      campaignUrl: 'https://kitabisa.com/campaign/lingkup',
      purpose: 'assistive_device',
      title: 'Kursi roda untuk Ibu',
      story: 'Ibu membutuhkan kursi roda agar dapat kembali bekerja dan mengantar cucunya ke sekolah.',
      targetRupiah: 5_000_000,
      startsOn: null,
      endsOn: null,
    },
  });

  // Logistics: one item, a stocked warehouse at each centre, B's count, distribution and dispatches.
  const itemId = (
    await createItem({
      db,
      context: systemContext,
      input: {
        code: `LK-${uuidv7().slice(-6)}`,
        name: 'Selimut Lingkup',
        category: 'shelter',
        unit: 'lembar',
        perishable: false,
      },
    })
  ).id;
  const own = await stockedWarehouse(t, A, officerA, itemId);
  const foreign = await stockedWarehouse(t, B, officerB, itemId);
  const foreign2 = await stockedWarehouse(t, B, officerB, itemId);
  const adjustment = await requestAdjustment({
    db,
    context: systemContext,
    actor: officerB,
    warehouseId: foreign.warehouseId,
    input: { lotId: foreign.lotId, countedQuantity: 19, reason: 'Selisih opname', countedOn: today() },
  });
  const distribution = await recordDistribution({
    db,
    context: systemContext,
    actor: officerB,
    warehouseId: foreign.warehouseId,
    input: {
      itemId,
      program: 'sembako',
      distributedOn: today(),
      place: null,
      recipients: [
        {
          kind: 'individual',
          personId: foreignPerson,
          name: secrets.recipient,
          householdSize: null,
          quantity: 1,
        },
      ],
      note: null,
      idempotencyKey: uuidv7(),
    },
  });
  const send = (from: string, to: string) =>
    transferStock({
      db,
      context: systemContext,
      actor: officerB,
      warehouseId: from,
      input: {
        toWarehouseId: to,
        lines: [{ itemId, quantity: 2 }],
        vehicle: null,
        driverName: null,
        note: null,
        idempotencyKey: uuidv7(),
      },
    });
  const dispatchB = await send(foreign.warehouseId, foreign2.warehouseId);
  const incomingDispatch = await send(foreign2.warehouseId, own.warehouseId);
  const central = callers.get('central')!.actor;
  const disasterId = await createDisaster({
    db,
    context: systemContext,
    actor: central,
    input: {
      name: 'Banjir Lingkup',
      type: 'flood',
      regionCodes: ['53.71'],
      startedOn: today(),
      estimatedAffected: 100,
      description: null,
      responsibleCenterId: B,
      siteName: 'Posko Lingkup',
      siteRegionCode: '53.71.01.1001',
      siteLatitude: null,
      siteLongitude: null,
    },
  });
  await setNeed({
    db,
    context: systemContext,
    actor: central,
    id: disasterId,
    input: { itemId, quantity: 5, note: null },
  });
  const needId = (await readDisaster(db, central, disasterId)).needs[0]!.id;

  return {
    t,
    A,
    B,
    callers,
    own: {
      personId: ownPerson,
      caseId: ownCase,
      sensitiveCaseId: sensitiveCase,
      incomingCaseId: incomingCase,
      incomingReferralId: incomingReferral.id,
      ticketId: ownTicket.id,
      warehouseId: own.warehouseId,
      lotId: own.lotId,
      itemId,
      incomingDispatchId: incomingDispatch.id,
    },
    foreign: {
      personId: foreignPerson,
      personId2: foreignPerson2,
      caseId: foreignCase,
      referralId: referral.id,
      shelterId: shelterB,
      runId: runB,
      partnerId: partnerB,
      workerId: workerB.id,
      workerAssignmentId,
      ticketId: foreignTicket.id,
      ticketCode: foreignTicket.code,
      ticketReferralId: ticketReferral.id,
      campaignId,
      warehouseId: foreign.warehouseId,
      lotId: foreign.lotId,
      adjustmentId: adjustment.id,
      distributionId: distribution.id,
      dispatchId: dispatchB.id,
      dispatchLineId: dispatchB.lines[0]!.id,
      disasterId,
      needId,
    },
  };
};
