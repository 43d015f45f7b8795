import { describe, expect, it } from 'vitest';
import { asApiError } from './client';

describe('asApiError', () => {
  it('keeps the details the page acts on', () => {
    expect(
      asApiError(
        409,
        {
          code: 'person.nik_exists_elsewhere',
          message: 'NIK ini sudah terdaftar di balai lain.',
          fields: [{ path: 'nik', message: 'NIK ini sudah terdaftar di balai lain.' }],
          requestId: 'r1',
          details: { existingPersonId: '0195f0a0-0000-7000-8000-000000000001', visible: false },
        },
        'x',
      ),
    ).toEqual({
      code: 'person.nik_exists_elsewhere',
      message: 'NIK ini sudah terdaftar di balai lain.',
      fields: [{ path: 'nik', message: 'NIK ini sudah terdaftar di balai lain.' }],
      requestId: 'r1',
      details: { existingPersonId: '0195f0a0-0000-7000-8000-000000000001', visible: false },
    });
  });

  it('ignores details that are not an object, and bodies of another shape', () => {
    expect(asApiError(400, { code: 'a', message: 'b', details: 'x' }, 'f')).toEqual({
      code: 'a',
      message: 'b',
    });
    expect(asApiError(502, '<html>', 'Gagal')).toEqual({ code: 'http.502', message: 'Gagal' });
  });
});
