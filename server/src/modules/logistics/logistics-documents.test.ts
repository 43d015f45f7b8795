import type { Dispatch, TargetReport } from '@atensi/domain';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/documents.ts';
import { targetReportXlsx } from './targets-xlsx.ts';
import { waybillPdf } from './waybill-pdf.ts';

const dispatch = (over: Partial<Dispatch> = {}): Dispatch => ({
  id: '0195f0a0-0000-7000-8000-000000000001',
  number: 'SJ/2026/11/0042',
  status: 'in_transit',
  disasterId: '0195f0a0-0000-7000-8000-000000000002',
  disasterName: 'Banjir Bandang Kabupaten Agam',
  fromWarehouseId: '0195f0a0-0000-7000-8000-000000000003',
  fromWarehouseName: 'Gudang Sentra Terpadu Pangudi Luhur Bekasi',
  toWarehouseId: '0195f0a0-0000-7000-8000-000000000004',
  toWarehouseName: 'Posko Banjir Agam',
  vehicle: 'Truk Colt Diesel B 9123 KXA',
  driverName: 'Sutrisno',
  sentOn: '2026-11-23',
  sentBy: 'Rina Marlina',
  receivedOn: null,
  receivedBy: null,
  note: null,
  lines: [
    {
      id: '0195f0a0-0000-7000-8000-000000000010',
      itemId: '0195f0a0-0000-7000-8000-000000000020',
      itemName: 'Paket sembako',
      unit: 'paket',
      lotNumber: 'LOT-2026-09-A',
      expiresOn: '2027-03-31',
      quantitySent: 1250,
      quantityReceived: null,
      discrepancyNote: null,
    },
    {
      id: '0195f0a0-0000-7000-8000-000000000011',
      itemId: '0195f0a0-0000-7000-8000-000000000021',
      itemName: 'Selimut',
      unit: 'lembar',
      lotNumber: null,
      expiresOn: null,
      quantitySent: 300,
      quantityReceived: null,
      discrepancyNote: null,
    },
  ],
  hasDiscrepancy: false,
  version: 1,
  canReceive: false,
  ...over,
});

describe('waybillPdf', () => {
  const issuer = {
    centerName: 'Sentra Terpadu Pangudi Luhur Bekasi',
    address: 'Jl. H. Moeljadi Djojomartono No. 19, Kota Bekasi, Jawa Barat',
    contact: 'Telp. (021) 8841234',
  };

  it('renders a surat jalan for a dispatch in transit', async () => {
    const pdf = await waybillPdf({ dispatch: dispatch(), issuer, toAddress: 'Lubuk Basung, Kab. Agam' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(3000);
    const text = pdfText(pdf);
    for (const s of [
      'SURAT JALAN',
      'SJ/2026/11/0042',
      '23 November 2026',
      '31 Maret 2027',
      'Banjir Bandang',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).toContain('1.250 paket');
    expect(text).toContain('1.550'); // total units sent
    for (const s of ['Pengirim', 'Pengemudi', 'Penerima']) expect(text).toContain(s);
  });

  it('renders a received dispatch from the central warehouse without contact or disaster', async () => {
    const d = dispatch({
      status: 'received',
      disasterId: null,
      disasterName: null,
      receivedOn: '2026-11-25',
      receivedBy: 'Yusuf Hamdani',
      hasDiscrepancy: true,
      lines: dispatch().lines.map((l, i) =>
        i === 0
          ? { ...l, quantityReceived: 1240, discrepancyNote: '10 paket rusak terkena air' }
          : { ...l, quantityReceived: l.quantitySent },
      ),
    });
    const pdf = await waybillPdf({
      dispatch: d,
      issuer: { centerName: 'Kementerian Sosial RI — Gudang Pusat', address: 'Jakarta', contact: null },
      toAddress: null,
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('GUDANG PUSAT');
    expect(text).toContain('1.240 paket');
    expect(text).toContain('1.540');
    expect(text).toContain('25 November 2026');
    expect(text).not.toContain('Bencana');
  });
});

const report: TargetReport = {
  program: 'sembako',
  period: '2026-S2',
  rows: [
    {
      id: '0195f0a0-0000-7000-8000-000000000030',
      warehouseId: '0195f0a0-0000-7000-8000-000000000003',
      warehouseName: 'Gudang Sentra Pangudi Luhur',
      centerName: 'Sentra Terpadu Pangudi Luhur Bekasi',
      itemName: 'Paket sembako',
      unit: 'paket',
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      target: 2000,
      realised: 1987,
      percent: 99.35,
    },
    {
      id: '0195f0a0-0000-7000-8000-000000000031',
      warehouseId: '0195f0a0-0000-7000-8000-000000000005',
      warehouseName: '=HYPERLINK("http://evil.example","klik")',
      centerName: null,
      itemName: '+Beras 5 kg',
      unit: 'karung',
      periodStart: '2026-07-01',
      periodEnd: '2026-12-31',
      target: 500,
      realised: 120,
      percent: 24,
    },
  ],
  total: { target: 2500, realised: 2107, percent: 84.28 },
  periods: [{ program: 'sembako', period: '2026-S2' }],
  canManage: true,
};

/** Writes the report and reads it back as a spreadsheet program would. */
const readBack = async (r: TargetReport): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(await targetReportXlsx(r)).buffer);
  return workbook;
};

describe('targetReportXlsx', () => {
  it('writes the title, header, one row per target and a total row', async () => {
    const workbook = await readBack(report);
    const sheet = workbook.getWorksheet('Capaian');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(String(sheet.getCell('A1').value)).toContain('Sembako');
    expect(String(sheet.getCell('A1').value)).toContain('2026-S2');
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      'No',
      'Gudang',
      'Balai',
      'Barang',
      'Satuan',
      'Periode mulai',
      'Periode selesai',
      'Target',
      'Realisasi',
      'Persentase',
    ]);
    expect(sheet.rowCount).toBe(5);

    const first = sheet.getRow(3);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toBe('Gudang Sentra Pangudi Luhur');
    expect(first.getCell(6).value).toEqual(new Date('2026-07-01T00:00:00Z'));
    expect(first.getCell(8).value).toBe(2000);
    expect(first.getCell(9).value).toBe(1987);
    expect(first.getCell(10).value).toBe(99.35);
    expect(first.getCell(10).numFmt).toBe('0.00');
    expect(first.getCell(8).numFmt).toBe('#,##0');

    const total = sheet.getRow(5);
    expect(total.getCell(1).value).toBe('Jumlah');
    expect(total.getCell(8).value).toBe(2500);
    expect(total.getCell(9).value).toBe(2107);
    expect(total.getCell(10).value).toBe(84.28);
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    const workbook = await readBack(report);
    const row = workbook.getWorksheet('Capaian')?.getRow(4);
    expect(row?.getCell(2).value).toBe(`'=HYPERLINK("http://evil.example","klik")`);
    expect(row?.getCell(2).formula).toBeUndefined();
    expect(row?.getCell(3).value).toBeNull();
    expect(row?.getCell(4).value).toBe("'+Beras 5 kg");
  });

  it('writes a zero percentage when nothing is targeted', async () => {
    const workbook = await readBack({ ...report, rows: [] });
    const total = workbook.getWorksheet('Capaian')?.getRow(3);
    expect(total?.getCell(1).value).toBe('Jumlah');
    expect(total?.getCell(8).value).toBe(0);
    expect(total?.getCell(10).value).toBe(0);
  });
});
