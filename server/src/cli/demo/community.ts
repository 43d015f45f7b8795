import { createReferral } from '../../modules/cases/case-referrals.ts';
import { centerIdByCode } from '../../modules/centers/centers.service.ts';
import { createShelter } from '../../modules/outreach/outreach.service.ts';
import { addPartnerMember, createPartner } from '../../modules/partners/partners.service.ts';
import { systemContext } from '../../modules/users/first-admin.ts';
import type { Db } from '../../platform/db/client.ts';
import { demoCenterCodes } from './centers.data.ts';
import { demoUsers } from './users.data.ts';

/**
 * The community side of the demo: an LKS per demo balai with its staff account linked, a
 * referral from a Bekasi case to the Bekasi LKS (so `lks.bekasi` has a case to open), and a
 * sports hall in use as a temporary shelter (TPS) in Bekasi.
 */
export const loadDemoCommunity = async (
  db: Db,
  userIds: Map<string, string>,
  caseOf: (fullName: string) => { caseId: string; workerUsername: string },
) => {
  const bekasi = (await centerIdByCode(db, demoCenterCodes.bekasi))!;
  const temanggung = (await centerIdByCode(db, demoCenterCodes.temanggung))!;
  const lksBekasi = await createPartner({
    db,
    context: systemContext,
    input: {
      name: 'LKS Bina Sejahtera Bekasi',
      kind: 'disability',
      centerId: bekasi,
      regionCode: '32.75.01.1003',
      address: 'Jl. Cut Meutia No. 12',
      accreditation: 'B',
      accreditedUntil: '2028-03-31',
      contactName: 'Ibu Ratna Dewi',
      phone: '021-8801234',
      email: null,
      services: ['disability', 'child'],
      capacity: 25,
    },
  });
  const lksTemanggung = await createPartner({
    db,
    context: systemContext,
    input: {
      name: 'LKS Lansia Kasih Ibu Temanggung',
      kind: 'elderly',
      centerId: temanggung,
      regionCode: '33.23.01.2001',
      address: null,
      accreditation: 'A',
      accreditedUntil: '2029-12-31',
      contactName: 'Bapak Sutrisno',
      phone: '0293-491234',
      email: null,
      services: ['elderly'],
      capacity: 40,
    },
  });
  for (const [partnerId, username] of [
    [lksBekasi, 'lks.bekasi'],
    [lksTemanggung, 'lks.temanggung'],
  ] as const) {
    await addPartnerMember({ db, context: systemContext, id: partnerId, userId: userIds.get(username)! });
  }
  const { caseId, workerUsername } = caseOf('Nur Aisyah');
  const workerId = userIds.get(workerUsername)!;
  await createReferral({
    db,
    context: {
      ...systemContext,
      actorId: workerId,
      actorName: demoUsers.find((u) => u.username === workerUsername)?.name ?? null,
      actorRole: 'social_worker',
      centerId: bekasi,
    },
    viewer: { userId: workerId, national: false, headOf: [], workerAt: [bekasi], partnerIds: [], deskAt: [] },
    id: caseId,
    input: {
      target: 'partner',
      partnerId: lksBekasi,
      targetCenterId: null,
      targetName: null,
      reason: 'Terapi fisik berbasis komunitas tiga kali seminggu, dekat rumah keluarga.',
      letterNumber: 'RUJ-012/PL/XI/2026',
    },
  });
  await createShelter({
    db,
    context: systemContext,
    input: {
      name: 'GOR Patriot Candrabhaga (TPS)',
      centerId: bekasi,
      regionCode: '32.75.01.1001',
      address: 'Jl. Ahmad Yani, Bekasi',
      capacity: 40,
      openedOn: '2026-11-01',
    },
  });
};
