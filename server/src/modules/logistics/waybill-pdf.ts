import { type Dispatch, formatDate } from '@atensi/domain';
import type { Content, TableCell } from 'pdfmake/interfaces';
import { letterhead, renderPdf } from '../../platform/documents/pdf.ts';

/** Who issues the waybill: the sending balai, or the ministry for the central warehouse. */
export type WaybillIssuer = { centerName: string; address: string; contact: string | null };

const count = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
/** `1.250`: whole units grouped the Indonesian way. */
const units = (n: number): string => count.format(n);

/** Dates are `YYYY-MM-DD` columns; any Indonesian zone (UTC+7..+9) keeps the same day. */
const day = (value: string | null): string => (value ? formatDate(value) : '-');

const blankName = '(....................................)';
const blankDate = '............................';

const info = (rows: [string, string][]): Content => ({
  table: { widths: [110, '*'], body: rows.map(([k, v]) => [{ text: k, bold: true }, v]) },
  layout: 'noBorders',
  margin: [0, 0, 0, 10],
});

const signature = (role: string, name: string | null, date: string | null): Content => ({
  stack: [
    { text: role, bold: true },
    { text: 'Tanda tangan', fontSize: 7, color: '#666666', margin: [0, 0, 0, 36] },
    { text: name ? `(${name})` : blankName },
    { text: `Tanggal: ${date ? formatDate(date) : blankDate}`, fontSize: 9, margin: [0, 2, 0, 0] },
  ],
  alignment: 'center',
});

const lineTable = (d: Dispatch): Content => {
  const head: TableCell[] = [
    'No',
    'Barang',
    'Lot',
    'Kedaluwarsa',
    'Jumlah dikirim',
    'Jumlah diterima',
    'Keterangan',
  ].map((h) => ({ text: h, bold: true, fillColor: '#eeeeee' }));
  const received = d.status === 'received';
  const body: TableCell[][] = d.lines.map((l, i) => [
    { text: String(i + 1), alignment: 'right' },
    l.itemName,
    l.lotNumber ?? '-',
    day(l.expiresOn),
    { text: `${units(l.quantitySent)} ${l.unit}`, alignment: 'right' },
    {
      text: received && l.quantityReceived !== null ? `${units(l.quantityReceived)} ${l.unit}` : '',
      alignment: 'right',
    },
    l.discrepancyNote ?? '',
  ]);
  const totalSent = d.lines.reduce((s, l) => s + l.quantitySent, 0);
  const totalReceived = d.lines.reduce((s, l) => s + (l.quantityReceived ?? 0), 0);
  const total: TableCell[] = [
    { text: 'Jumlah', bold: true, colSpan: 4, alignment: 'right' },
    {},
    {},
    {},
    { text: units(totalSent), bold: true, alignment: 'right' },
    { text: received ? units(totalReceived) : '', bold: true, alignment: 'right' },
    d.hasDiscrepancy ? 'Ada selisih' : '',
  ];
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [18, '*', 55, 62, 58, 58, 80],
      body: [head, ...body, total],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
  };
};

/**
 * Surat jalan for a dispatch: travels with the goods and is signed by the sender, the driver
 * and the receiver. "Jumlah diterima" stays empty (to be written by hand) until the receiving
 * balai confirms arrival in Atensi. Pure: everything it prints comes from the arguments.
 */
export const waybillPdf = (opts: {
  dispatch: Dispatch;
  issuer: WaybillIssuer;
  toAddress: string | null;
}): Promise<Buffer> => {
  const d = opts.dispatch;
  const head = letterhead({ ...opts.issuer, contact: opts.issuer.contact ?? '' }).filter(
    (c) => !(typeof c === 'object' && c !== null && 'text' in c && c.text === ''),
  );
  const rows: [string, string][] = [
    ['Tanggal kirim', day(d.sentOn)],
    ['Dari gudang', d.fromWarehouseName],
    ['Ke gudang', opts.toAddress ? `${d.toWarehouseName}\n${opts.toAddress}` : d.toWarehouseName],
  ];
  if (d.disasterName) rows.push(['Bencana', d.disasterName]);
  rows.push(['Kendaraan', d.vehicle ?? '-'], ['Pengemudi', d.driverName ?? '-']);
  rows.push(['Status', d.status === 'received' ? `Diterima ${day(d.receivedOn)}` : 'Dalam perjalanan']);
  if (d.note) rows.push(['Catatan', d.note]);
  const content: Content[] = [
    ...head,
    { text: 'SURAT JALAN', style: 'title', margin: [0, 6, 0, 0] },
    { text: `Nomor: ${d.number}`, alignment: 'center', margin: [0, 0, 0, 12] },
    info(rows),
    lineTable(d),
    {
      columns: [
        signature('Pengirim', d.sentBy, d.sentOn),
        signature('Pengemudi', d.driverName, null),
        signature('Penerima', d.receivedBy, d.receivedOn),
      ],
      columnGap: 16,
      margin: [0, 24, 0, 0],
      unbreakable: true,
    },
  ];
  return renderPdf(`Surat jalan ${d.number}`, content);
};
