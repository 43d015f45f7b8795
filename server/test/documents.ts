import { inflateSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** The text drawn on a PDF's pages (pdfkit writes hex strings in deflated content streams). */
export const pdfText = (pdf: Buffer): string => {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let body: string;
    try {
      body = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const t of body.matchAll(/<([0-9a-fA-F]+)>/g)) out += Buffer.from(t[1]!, 'hex').toString('latin1');
    out += '\n';
  }
  return out;
};

/** Every cell value of every sheet of an XLSX, as one string to search. */
export const xlsxText = async (file: Buffer): Promise<string> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => JSON.stringify(sheet.getSheetValues())).join('\n');
};
