import { createRequire } from 'node:module';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
// pdfmake's server build is CommonJS; Helvetica is one of PDF's standard fonts, so no font files ship.
const pdfmake = require('pdfmake') as {
  setFonts: (f: unknown) => void;
  setUrlAccessPolicy: (allow: (url: string) => boolean) => void;
  setLocalAccessPolicy: (allow: (path: string) => boolean) => void;
  createPdf: (d: TDocumentDefinitions) => { getBuffer: () => Promise<Buffer> };
};
pdfmake.setFonts(require('pdfmake/standard-fonts/Helvetica'));
// Documents carry user-typed text: never fetch a URL or read a file; only PDF's standard fonts.
const standardFont = /^(Helvetica|Courier|Times|Symbol|ZapfDingbats)(-[A-Za-z]+)?$/;
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => standardFont.test(path));

export type Letterhead = { centerName: string; address: string; contact: string };

/** The ministry's letterhead as centres print it. */
export const letterhead = (h: Letterhead): Content[] => [
  { text: 'KEMENTERIAN SOSIAL REPUBLIK INDONESIA', style: 'ministry' },
  { text: 'DIREKTORAT JENDERAL REHABILITASI SOSIAL', style: 'ministry' },
  { text: h.centerName.toUpperCase(), style: 'center' },
  { text: h.address, style: 'contact' },
  { text: h.contact, style: 'contact' },
  { canvas: [{ type: 'line', x1: 0, y1: 4, x2: 515, y2: 4, lineWidth: 1.5 }], margin: [0, 0, 0, 12] },
];

export const renderPdf = (title: string, content: Content[]): Promise<Buffer> =>
  pdfmake
    .createPdf({
      info: { title, creator: 'Atensi' },
      pageSize: 'A4',
      pageMargins: [40, 40, 40, 50],
      defaultStyle: { font: 'Helvetica', fontSize: 10, lineHeight: 1.2 },
      styles: {
        ministry: { fontSize: 11, bold: true, alignment: 'center' },
        center: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 2, 0, 2] },
        contact: { fontSize: 8, alignment: 'center' },
        title: { fontSize: 12, bold: true, alignment: 'center', margin: [0, 6, 0, 10] },
        heading: { fontSize: 10, bold: true, margin: [0, 8, 0, 4] },
      },
      footer: (page, pages) => ({
        text: `${title} — halaman ${page} dari ${pages}`,
        fontSize: 7,
        alignment: 'center',
        margin: [0, 20, 0, 0],
      }),
      content,
    })
    .getBuffer();
