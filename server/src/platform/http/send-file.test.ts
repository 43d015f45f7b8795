import { validateHeaderValue } from 'node:http';
import { parse } from 'content-disposition';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentDisposition } from './send-file.ts';

describe('contentDisposition', () => {
  it('keeps an ASCII name as it was', () => {
    expect(contentDisposition('surat-rujukan.pdf')).toBe('attachment; filename=surat-rujukan.pdf');
  });

  it('encodes a name from user input (RFC 6266 filename*), so the header is always valid', () => {
    const header = contentDisposition('capaian-target-sembako-2026 ✓.xlsx');
    expect(() => validateHeaderValue('content-disposition', header)).not.toThrow();
    expect(header).toContain("filename*=UTF-8''capaian-target-sembako-2026%20%E2%9C%93.xlsx");
    expect(parse(header).parameters.filename).toBe('capaian-target-sembako-2026 ✓.xlsx');
  });

  it('gives a valid header for any name', () => {
    const units = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });
    fc.assert(
      fc.property(fc.oneof(units, fc.string({ unit: 'grapheme' })), (name) => {
        const header = contentDisposition(name);
        expect(() => validateHeaderValue('content-disposition', header)).not.toThrow();
        expect(parse(header).type).toBe('attachment');
      }),
      { numRuns: 500 },
    );
  });
});
