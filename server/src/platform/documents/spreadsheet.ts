import ExcelJS from 'exceljs';

/**
 * Text that a spreadsheet would run as a formula (CSV/formula injection, OWASP) starts with
 * one of these; such cells are written with a leading apostrophe so they stay text.
 */
const formulaStart = /^[=+\-@\t\r]/;

export const neutraliseFormula = (value: string): string => (formulaStart.test(value) ? `'${value}` : value);

export type Column<T> = { header: string; width?: number; value: (row: T) => string | number | Date | null };

/** One sheet, a bold frozen header, every string cell neutralised. */
export const buildXlsx = async <T>(sheetName: string, columns: Column<T>[], rows: T[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Atensi';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      columns.map((c) => {
        const v = c.value(row);
        return typeof v === 'string' ? neutraliseFormula(v) : v;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
