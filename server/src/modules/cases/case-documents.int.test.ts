import { and, eq, max } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { pdfText } from '../../../test/documents.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { neutraliseFormula } from '../../platform/documents/spreadsheet.ts';
import { addPartnerMember, createPartner } from '../partners/partners.service.ts';
import { systemContext } from '../users/first-admin.ts';

let t: TestContext;
let cookie: string;
let caseId: string;
let personId: string;
const nik = '3275010101800009';

beforeAll(async () => {
  t = await createTestApp();
  const center = await buildCenter(t.database);
  const head = await buildUser(t.database, [{ role: 'center_head', centerId: center.id }]);
  cookie = await signIn(t.app, head);
  const person = await t.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: asUser(cookie),
    payload: {
      centerId: center.id,
      nik,
      fullName: '=HYPERLINK("http://jahat.example","klik")',
      sex: 'male',
      birthDate: '1980-01-01',
      regionCode: '32.75.01.1001',
      legalBasis: 'consent',
      consentBy: 'self',
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  personId = person.json().id;
  const opened = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: asUser(cookie),
    payload: {
      personId,
      centerId: center.id,
      clusters: ['poor_vulnerable'],
      intakeChannel: 'walk_in',
      problem: 'Butuh bantuan',
      urgency: 'low',
      modality: 'family',
      assignedWorkerId: head.id,
    },
  });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().id;
}, 60_000);
afterAll(() => t?.close());

describe('case documents', () => {
  it('exports the filtered list as XLSX with NIK masked and formulas neutralised', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases/export',
      headers: asUser(cookie),
      payload: { view: 'center' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Kasus')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Nomor kasus');
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(`'=HYPERLINK("http://jahat.example","klik")`);
    expect(row.getCell(3).value).toBe('3275********0009');
    expect(JSON.stringify(sheet.getSheetValues())).not.toContain(nik);
  });

  it('neutralises every formula lead character', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(neutraliseFormula(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(neutraliseFormula('Budi')).toBe('Budi');
  });

  it('prints the case summary as a PDF', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/summary.pdf`,
      headers: asUser(cookie),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('prints a referral letter and writes its production to the audit log', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/referral-letter`,
      headers: asUser(cookie),
      payload: {
        letterNumber: '123/BRS/XI/2026',
        recipient: 'Dinas Sosial Kota Bekasi (PKH)',
        purpose: 'Pendaftaran Program Keluarga Harapan',
      },
    });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entity, 'person'), eq(auditLog.entityId, personId), eq(auditLog.action, 'read')),
      );
    expect(
      rows.some((r) => r.changes.some((c) => c.field === 'referralLetter' && c.after === '123/BRS/XI/2026')),
    ).toBe(true);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/referral-letter`,
      headers: asUser(cookie),
      payload: { letterNumber: '', recipient: 'x' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields.map((f: { path: string }) => f.path)).toEqual([
      'letterNumber',
      'recipient',
      'purpose',
    ]);
  });
});

/**
 * Point 3 of issue 10: a document shows what its reader may read. The head asked to take a
 * case in transfer and LKS staff with an open referral read the case (name and masked NIK);
 * its documents give them no more, and only who may work on the case issues its letters.
 */
describe('documents for readers who do not read the person', () => {
  const secretNik = '3275015203850004';
  const secretKk = '3275010101850007';
  const street = 'Gang Melati Tersembunyi 7';
  let sendingHead: string;
  let receivingHead: string;
  let partnerStaff: string;
  let transferCase: string;
  let referralId: string;

  beforeAll(async () => {
    const sending = await buildCenter(t.database);
    const receiving = await buildCenter(t.database);
    const head = await buildUser(t.database, [{ role: 'center_head', centerId: sending.id }]);
    sendingHead = await signIn(t.app, head);
    receivingHead = await signIn(
      t.app,
      await buildUser(t.database, [{ role: 'center_head', centerId: receiving.id }]),
    );
    const lksUser = await buildUser(t.database, [{ role: 'partner', centerId: sending.id }]);
    partnerStaff = await signIn(t.app, lksUser);
    const partnerId = await createPartner({
      db: t.database.db,
      context: systemContext,
      input: {
        name: 'LKS Dokumen Uji',
        kind: 'general',
        centerId: sending.id,
        regionCode: '32.75.01.1001',
        address: null,
        accreditation: 'B',
        accreditedUntil: '2030-12-31',
        contactName: null,
        phone: null,
        email: null,
        services: ['elderly'],
        capacity: null,
      },
    });
    await addPartnerMember({ db: t.database.db, context: systemContext, id: partnerId, userId: lksUser.id });
    const person = await t.app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: asUser(sendingHead),
      payload: {
        centerId: sending.id,
        nik: secretNik,
        kkNumber: secretKk,
        fullName: 'Ratna Kartika',
        sex: 'female',
        birthDate: '1985-03-12',
        birthPlace: 'Purwakarta',
        regionCode: '32.75.01.1001',
        street,
        phone: '081277776666',
        legalBasis: 'consent',
        consentBy: 'self',
      },
    });
    expect(person.statusCode, person.body).toBe(201);
    const opened = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: asUser(sendingHead),
      payload: {
        personId: person.json().id,
        centerId: sending.id,
        clusters: ['elderly'],
        intakeChannel: 'walk_in',
        problem: 'Membutuhkan pendampingan',
        urgency: 'low',
        modality: 'family',
        assignedWorkerId: head.id,
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    transferCase = opened.json().id;
    const referred = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${transferCase}/referrals`,
      headers: asUser(sendingHead),
      payload: { target: 'partner', partnerId, reason: 'Pendampingan di komunitas' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    referralId = referred.json().referrals[0].id;
    const asked = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${transferCase}/transfer`,
      headers: asUser(sendingHead),
      payload: {
        toCenterId: receiving.id,
        reason: 'Lebih dekat dengan keluarga',
        version: referred.json().version,
      },
    });
    expect(asked.statusCode, asked.body).toBe(200);
  }, 60_000);

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: asUser(cookie) });

  it('gives the case centre the full letter and a summary with birth and address, never the full NIK', async () => {
    const summary = pdfText((await get(`/api/cases/${transferCase}/summary.pdf`, sendingHead)).rawPayload);
    expect(summary).toContain('Ratna Kartika');
    expect(summary).toContain('3275********0004');
    expect(summary).toContain(street);
    expect(summary).not.toContain(secretNik);
    const letter = await get(`/api/cases/${transferCase}/referrals/${referralId}/letter.pdf`, sendingHead);
    expect(letter.statusCode).toBe(200);
    expect(pdfText(letter.rawPayload)).toContain(secretNik);
  });

  for (const [who, cookie] of [
    ['the receiving head of a pending transfer', () => receivingHead],
    ['LKS staff reading through an open referral', () => partnerStaff],
  ] as const) {
    it(`gives ${who} the name and masked NIK only`, async () => {
      const read = await get(`/api/cases/${transferCase}`, cookie());
      expect(read.statusCode).toBe(200);
      expect(read.body).not.toContain(secretNik);
      const res = await get(`/api/cases/${transferCase}/summary.pdf`, cookie());
      expect(res.statusCode).toBe(200);
      const text = pdfText(res.rawPayload);
      expect(text).toContain('Ratna Kartika');
      expect(text).toContain('3275********0004');
      for (const hidden of [secretNik, secretKk, street, 'Purwakarta', '081277776666'])
        expect(text).not.toContain(hidden);
    });
  }

  it('issues no letter to the receiving head, and writes nothing for the attempt', async () => {
    const [before] = await t.database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
    const made = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${transferCase}/referral-letter`,
      headers: asUser(receivingHead),
      payload: { letterNumber: '9/2026', recipient: 'Dinas Sosial', purpose: 'Pendaftaran PKH' },
    });
    expect(made.statusCode).toBe(404);
    const stored = await get(`/api/cases/${transferCase}/referrals/${referralId}/letter.pdf`, receivingHead);
    expect(stored.statusCode).toBe(404);
    for (const res of [made, stored]) expect(res.body).not.toContain(secretNik);
    const [after] = await t.database.db.select({ seq: max(auditLog.seq) }).from(auditLog);
    expect(after!.seq).toBe(before!.seq);
  });
});
