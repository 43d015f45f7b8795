import { type DistributionProgram, realisationPercent, type TargetReport } from '@atensi/domain';
import ExcelJS from 'exceljs';
import { neutraliseFormula } from '../../platform/documents/spreadsheet.ts';

const programLabel: Record<DistributionProgram, string> = {
  sembako: 'Sembako',
  disaster_relief: 'Bantuan bencana',
  atensi: 'ATENSI',
  other: 'Lainnya',
};

const columns = [
  { header: 'No', width: 6 },
  { header: 'Gudang', width: 32 },
  { header: 'Balai', width: 32 },
  { header: 'Barang', width: 28 },
  { header: 'Satuan', width: 10 },
  { header: 'Periode mulai', width: 14 },
  { header: 'Periode selesai', width: 14 },
  { header: 'Target', width: 12 },
  { header: 'Realisasi', width: 12 },
  { header: 'Persentase', width: 12 },
] as const;

const integerFormat = '#,##0';
const percentFormat = '0.00';
const dateFormat = 'dd/mm/yyyy';
/** Columns (1-based) by what they hold. */
const dateColumns = [6, 7];
const integerColumns = [8, 9];
const percentColumn = 10;

const formatNumbers = (row: ExcelJS.Row): void => {
  for (const c of dateColumns) row.getCell(c).numFmt = dateFormat;
  for (const c of integerColumns) row.getCell(c).numFmt = integerFormat;
  row.getCell(percentColumn).numFmt = percentFormat;
};

const text = (v: string | null): string | null => (v === null ? null : neutraliseFormula(v));
/** Target periods are `YYYY-MM-DD`; as UTC midnight they land on that day in the sheet. */
const date = (v: string): Date => new Date(`${v.slice(0, 10)}T00:00:00Z`);

/**
 * The realisation-against-target report as XLSX: one sheet "Capaian", a title row, a frozen
 * bold header, one row per target and a total row. Text cells are neutralised against
 * formulas; the total row is summed from the rows, its percentage computed as the domain does.
 */
export const targetReportXlsx = async (report: TargetReport): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atensi';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet('Capaian', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));

  const title = sheet.addRow([
    neutraliseFormula(
      `Capaian target penyaluran — Program ${programLabel[report.program]}, periode ${report.period}`,
    ),
  ]);
  title.font = { bold: true, size: 13 };
  sheet.mergeCells(1, 1, 1, columns.length);

  const header = sheet.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };

  report.rows.forEach((r, i) => {
    const row = sheet.addRow([
      i + 1,
      text(r.warehouseName),
      text(r.centerName),
      text(r.itemName),
      text(r.unit),
      date(r.periodStart),
      date(r.periodEnd),
      r.target,
      r.realised,
      r.percent,
    ]);
    formatNumbers(row);
  });

  const target = report.rows.reduce((s, r) => s + r.target, 0);
  const realised = report.rows.reduce((s, r) => s + r.realised, 0);
  const total = sheet.addRow(['Jumlah', null, null, null, null, null, null, target, realised]);
  total.getCell(percentColumn).value = realisationPercent(realised, target);
  total.font = { bold: true };
  formatNumbers(total);
  sheet.mergeCells(total.number, 1, total.number, 7);

  return Buffer.from(await workbook.xlsx.writeBuffer());
};
