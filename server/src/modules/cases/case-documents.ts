import {
  type Case,
  type CaseListInput,
  caseExportMax,
  formatDate,
  formatDateTime,
  formatRupiah,
  type ReferralLetterInput,
  zoneOfRegion,
} from '@atensi/domain';
import type { Content } from 'pdfmake/interfaces';
import { type AuditContext, withAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/client.ts';
import { letterhead, renderPdf } from '../../platform/documents/pdf.ts';
import { buildXlsx } from '../../platform/documents/spreadsheet.ts';
import { getCenter } from '../centers/centers.service.ts';
import { type DocumentPerson, type PersonScope, personForDocument } from '../persons/persons.service.ts';
import { type CaseViewer, canWorkOnCase } from './case-visibility.ts';
import { caseError } from './cases.errors.ts';
import { type CaseRow, listCases, personsServedAt, visibleCase } from './cases.service.ts';
import { readCase } from './read-case.ts';

/** The filtered case list as XLSX: NIK masked, formulas neutralised, at most `caseExportMax` rows. */
export const exportCases = async (db: Db, viewer: CaseViewer, input: CaseListInput): Promise<Buffer> => {
  const page = await listCases(db, viewer, { ...input, page: 1, pageSize: caseExportMax });
  if (page.total > caseExportMax)
    throw caseError('case.export_too_large', { max: caseExportMax, total: page.total });
  return buildXlsx(
    'Kasus',
    [
      { header: 'Nomor kasus', width: 28, value: (c) => c.number },
      { header: 'Nama penerima manfaat', width: 30, value: (c) => c.personName },
      { header: 'NIK', width: 20, value: (c) => c.nikMasked },
      { header: 'Klaster', width: 30, value: (c) => c.clusters.join(', ') },
      { header: 'Tahap', value: (c) => c.stage },
      { header: 'Urgensi', value: (c) => c.urgency },
      { header: 'Modalitas', value: (c) => c.modality },
      { header: 'Pekerja sosial', width: 26, value: (c) => c.assignedWorkerName },
      { header: 'Dibuka', value: (c) => new Date(c.openedAt) },
      { header: 'Layanan pertama', value: (c) => (c.firstServiceAt ? new Date(c.firstServiceAt) : null) },
      { header: 'Waktu respons (jam)', value: (c) => c.responseHours },
    ],
    page.items,
  );
};

/** The centre's letterhead, for its letters and summaries. */
export const documentHeader = async (db: Db, centerId: string) => {
  const center = await getCenter(db, centerId);
  const place = [center.street, center.regionName, center.provinceName].filter(Boolean).join(', ');
  const contact = [center.phone && `Telp. ${center.phone}`, center.email && `Email ${center.email}`]
    .filter(Boolean)
    .join(' · ');
  return { center, head: letterhead({ centerName: center.name, address: place, contact }) };
};

const birth = (p: DocumentPerson) =>
  `${p.birthPlace ? `${p.birthPlace}, ` : ''}${p.birthDate ? formatDate(p.birthDate) : p.birthYearEstimate ? `± ${p.birthYearEstimate}` : '-'}`;

/**
 * The person's rows of a document, as far as the reader may read the person: a reader who
 * reads the case but not the person (a transfer's receiving head, LKS staff through a
 * referral) gets the name and the masked NIK, as the case answer shows them.
 */
const identityRows = (person: DocumentPerson, fullNik: boolean): [string, string][] => [
  ['Nama', person.fullName],
  ['NIK', (fullNik ? (person.nik ?? person.nikMasked) : person.nikMasked) ?? 'tidak diketahui'],
  ...(person.inFull
    ? ([
        ['Tempat, tanggal lahir', birth(person)],
        ['Alamat', person.address ?? '-'],
      ] as [string, string][])
    : []),
];

/** Who reads the document: their case rule and which persons they read in full. */
type Reader = { db: Db; context: AuditContext; viewer: CaseViewer; id: string; personScope: PersonScope };

const personFor = (opts: Reader, personId: string) =>
  personForDocument(opts.db, personId, { scope: opts.personScope, servedBy: personsServedAt });

/**
 * A letter speaks for the case's centre: only who may work on the case issues one (its head
 * or assigned worker), not who only reads it (a transfer's receiving head, central staff, LKS
 * staff). Anyone else gets "not found", as for every other change to the case.
 */
export const caseForLetter = async (db: Db, viewer: CaseViewer, id: string): Promise<CaseRow> => {
  const row = await visibleCase(db, viewer, id);
  if (!canWorkOnCase(viewer, row)) throw caseError('case.not_found');
  return row;
};

export const table = (rows: [string, string][]): Content => ({
  table: { widths: [140, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'lightHorizontalLines',
});

/**
 * One-page summary of the case for the file: identity (NIK masked; birth and address only for
 * a reader of the person), stages, services, outcomes. It carries what the case answer gives
 * the same reader.
 */
export const caseSummaryPdf = async (opts: Reader): Promise<Buffer> => {
  const c: Case = await readCase(opts);
  const person = await personFor(opts, c.personId);
  const { center, head } = await documentHeader(opts.db, c.centerId);
  const zone = zoneOfRegion(center.regionCode);
  const content: Content[] = [
    ...head,
    { text: `RINGKASAN KASUS ${c.number}`, style: 'title' },
    table([
      ...identityRows(person, false),
      ['Klaster', c.clusters.join(', ')],
      ['Tahap', c.stage],
      ['Dibuka', formatDateTime(c.openedAt, zone)],
      ['Waktu respons', c.responseHours === null ? 'belum ada layanan' : `${c.responseHours} jam`],
      ['Pekerja sosial', c.assignedWorkerName ?? '-'],
    ]),
    { text: 'Permasalahan', style: 'heading' },
    { text: c.problem },
  ];
  if (c.assessment) {
    content.push(
      { text: 'Asesmen', style: 'heading' },
      {
        text: `${formatDate(c.assessment.assessedOn)} · risiko ${c.assessment.riskLevel} · ${c.assessment.narrative}`,
      },
    );
  }
  if (c.services.length > 0) {
    content.push(
      { text: 'Layanan', style: 'heading' },
      {
        table: {
          widths: [60, 90, '*', 80],
          body: [
            ['Tanggal', 'Komponen', 'Layanan', 'Nilai'].map((h) => ({ text: h, bold: true })),
            ...c.services.map((s) => [
              formatDate(s.deliveredOn),
              s.component,
              s.serviceType,
              formatRupiah(s.valueRupiah),
            ]),
          ],
        },
        layout: 'lightHorizontalLines',
      },
    );
  }
  if (c.outcomes) {
    const yes = (b: boolean) => (b ? 'ya' : 'tidak');
    content.push(
      { text: 'Hasil terminasi', style: 'heading' },
      table([
        ['Kebutuhan dasar terpenuhi', yes(c.outcomes.basicNeedsMet)],
        ['Penghasilan sendiri', yes(c.outcomes.ownIncome)],
        ['Mobilitas lebih baik', yes(c.outcomes.mobilityImproved)],
        ['Keluarga mampu merawat', yes(c.outcomes.familyCanCare)],
        ['Layanan tuntas', yes(c.outcomes.servicesComplete)],
      ]),
    );
  }
  const moves = c.transfers.filter((tr) => tr.status === 'accepted');
  if (moves.length > 0) {
    content.push(
      { text: 'Pemindahan balai', style: 'heading' },
      table(
        moves.map((tr) => [
          formatDate(tr.decidedAt!.slice(0, 10)),
          `${tr.fromCenterName} → ${tr.toCenterName}`,
        ]),
      ),
    );
  }
  if (c.followUps.length > 0) {
    const conditions = { improved: 'membaik', stable: 'stabil', declined: 'menurun' } as const;
    content.push(
      { text: 'Bimbingan lanjut', style: 'heading' },
      table(
        c.followUps.map((f) => [formatDate(f.visitedOn), `Kondisi ${conditions[f.condition]}: ${f.notes}`]),
      ),
    );
  }
  content.push({
    text: `Dicetak ${formatDateTime(new Date(), zone)} dari Atensi.`,
    fontSize: 7,
    margin: [0, 16, 0, 0],
  });
  return renderPdf(`Ringkasan kasus ${c.number}`, content);
};

/**
 * Surat rujukan: a letter to another programme or agency, issued by who may work on the case.
 * It states the person's full NIK (the recipient must identify them) when the issuer may read
 * it, so producing it is written to the audit log.
 */
export const referralLetterPdf = async (opts: Reader & { input: ReferralLetterInput }): Promise<Buffer> => {
  await caseForLetter(opts.db, opts.viewer, opts.id);
  const c = await readCase(opts);
  const person = await personFor(opts, c.personId);
  const { center, head } = await documentHeader(opts.db, c.centerId);
  await withAudit(opts.db, opts.context, async (_tx, audit) =>
    audit({
      action: 'read',
      entity: 'person',
      entityId: c.personId,
      changes: [{ field: 'referralLetter', before: null, after: opts.input.letterNumber }],
    }),
  );
  const zone = zoneOfRegion(center.regionCode);
  return renderPdf(`Surat rujukan ${opts.input.letterNumber}`, [
    ...head,
    {
      columns: [
        { text: `Nomor: ${opts.input.letterNumber}\nPerihal: Rujukan penerima manfaat` },
        { text: formatDate(new Date(), zone), alignment: 'right' },
      ],
    },
    { text: `\nKepada Yth.\n${opts.input.recipient}\ndi tempat\n\n` },
    { text: 'Dengan hormat,\nBersama ini kami merujuk penerima manfaat ATENSI berikut:' },
    {
      ...(table([...identityRows(person, true), ['Nomor kasus', c.number]]) as object),
      margin: [0, 8, 0, 8],
    } as Content,
    { text: `Tujuan rujukan: ${opts.input.purpose}` },
    { text: '\nAtas perhatian dan kerja samanya kami ucapkan terima kasih.\n\n' },
    {
      text: `Kepala ${center.name}\n\n\n\n${center.headName ?? '(.............................)'}`,
      alignment: 'right',
    },
  ]);
};
