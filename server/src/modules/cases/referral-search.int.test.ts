import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asUser,
  buildCenter,
  buildUser,
  createTestApp,
  signIn,
  type TestContext,
} from '../../../test/app.ts';
import { createPerson } from '../persons/persons.service.ts';
import { systemContext } from '../users/first-admin.ts';

/**
 * The referrals list searched the way officers remember a referral: part of the case number,
 * the receiving institution, or the letter number; only among the referrals they may see.
 */
let t: TestContext;
let centerA: string;
let centerB: string;
const cookies: Record<string, string> = {};
const workers: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  centerA = (await buildCenter(t.database)).id;
  centerB = (await buildCenter(t.database)).id;
  for (const [name, centerId] of [
    ['workerA', centerA],
    ['workerB', centerB],
  ] as const) {
    const user = await buildUser(t.database, [{ role: 'social_worker', centerId }]);
    workers[name] = user.id;
    cookies[name] = await signIn(t.app, user);
  }
}, 90_000);
afterAll(() => t?.close());

const call = (url: string, who: string, payload: unknown, lang = 'id') =>
  t.app.inject({
    method: 'POST',
    url,
    headers: { ...asUser(cookies[who]!), 'accept-language': lang },
    payload: payload as object,
  });

const openCase = async (who: 'workerA' | 'workerB', centerId: string) => {
  const personId = await createPerson({
    db: t.database.db,
    context: systemContext,
    input: {
      centerId,
      nik: null,
      nikUnknownReason: 'homeless',
      nikWarningsConfirmed: false,
      kkNumber: null,
      fullName: 'Penerima Rujukan',
      aliases: [],
      sex: 'female',
      birthDate: null,
      birthYearEstimate: 1960,
      birthPlace: null,
      regionCode: '32.75.01.1001',
      rt: null,
      rw: null,
      street: null,
      phone: null,
      disabilityTypes: [],
      dtksStatus: 'unknown',
      dtksDecile: null,
      legalBasis: 'vital_interest',
      consentBy: null,
      consentGuardianName: null,
    },
  });
  const res = await call('/api/cases', who, {
    personId,
    centerId,
    clusters: ['elderly'],
    intakeChannel: 'outreach',
    problem: 'Lansia terlantar, butuh pendampingan harian di komunitas.',
    urgency: 'high',
    modality: 'community',
    assignedWorkerId: workers[who],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: string };
};

const refer = async (who: 'workerA' | 'workerB', caseId: string, body: Record<string, unknown>) => {
  const res = await call(`/api/cases/${caseId}/referrals`, who, {
    reason: 'Perlu layanan lanjutan di luar balai',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(200);
  const referrals = res.json().referrals as { id: string; version: number }[];
  return referrals.at(-1)!;
};

const found = async (who: string, q: string) => {
  const res = await call('/api/referrals/list', who, { direction: 'outgoing', q });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { id: string }[]).map((i) => i.id).sort();
};

describe('searching referrals', () => {
  it('finds by part of the case number, the receiving institution or the letter number, within scope', async () => {
    const first = await openCase('workerA', centerA);
    const second = await openCase('workerA', centerA);
    const elsewhere = await openCase('workerB', centerB);
    const rsj = await refer('workerA', first.id, {
      target: 'mental_hospital',
      targetName: 'RSJ Naimata Kupang',
      letterNumber: '400.9/117/RS_JIWA/2026',
    });
    const bpjs = await refer('workerA', second.id, { target: 'bpjs_pbi', letterNumber: 'B-12/RS/2026' });
    const theirs = await refer('workerB', elsewhere.id, {
      target: 'hospital',
      targetName: 'RSJ Naimata Kupang',
      letterNumber: 'B-12/RS/2026',
    });

    expect(await found('workerA', 'naimata')).toEqual([rsj.id]);
    expect(await found('workerB', 'naimata')).toEqual([theirs.id]);
    expect(await found('workerA', 'b-12/rs')).toEqual([bpjs.id]);
    expect(await found('workerA', second.number.slice(-8))).toEqual([bpjs.id]);
    expect(await found('workerA', 'BPJS Kesehatan')).toEqual([bpjs.id]);
    // `_` and `%` are letters, not wildcards.
    expect(await found('workerA', 'RS_JIWA')).toEqual([rsj.id]);
    expect(await found('workerA', 'RS%JIWA')).toEqual([]);
    expect(await found('workerA', 'B_12')).toEqual([]);
    expect((await found('workerA', '')).length).toBe(2);

    const tooLong = await call('/api/referrals/list', 'workerA', {
      direction: 'outgoing',
      q: 'x'.repeat(101),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().fields.map((f: { path: string }) => f.path)).toEqual(['q']);
  });

  it('names referral statuses in the reader’s language when a move is refused', async () => {
    const c = await openCase('workerA', centerA);
    const r = await refer('workerA', c.id, { target: 'pkh' });
    const status = (body: Record<string, unknown>, lang: string) =>
      call(`/api/cases/${c.id}/referrals/${r.id}/status`, 'workerA', body, lang);
    expect((await status({ status: 'rejected', version: r.version }, 'id')).statusCode).toBe(200);
    const en = await status({ status: 'completed', version: r.version + 1 }, 'en');
    expect(en.statusCode).toBe(409);
    expect(en.json().message).toBe('The referral cannot move from rejected to completed.');
    const id = await status({ status: 'completed', version: r.version + 1 }, 'id');
    expect(id.json().message).toBe('Status rujukan tidak dapat diubah dari ditolak menjadi selesai.');
  });
});
