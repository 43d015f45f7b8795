import { and, eq } from 'drizzle-orm';
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
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { neutraliseFormula } from '../../platform/documents/spreadsheet.ts';

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
