import { describe, expect, it } from 'vitest';
import { requestLanguage } from '../http/language.ts';
import { AppError, commonError, defineErrors } from './app-error.ts';

describe('AppError', () => {
  const errors = defineErrors({
    'thing.too_many': { status: 422, message: { id: 'Maksimal {n} barang.', en: 'At most {n} things.' } },
  });

  it('carries a stable code, a status and both languages', () => {
    const e = errors('thing.too_many', { n: 3 });
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('thing.too_many');
    expect(e.status).toBe(422);
    expect(e.messageIn('id')).toBe('Maksimal 3 barang.');
    expect(e.messageIn('en')).toBe('At most 3 things.');
  });

  it('localises field messages', () => {
    const e = commonError('request.validation_failed', { fields: 'name' }, [
      { path: 'name', message: { id: 'Wajib', en: 'Required' } },
    ]);
    expect(e.fieldsIn('en')).toEqual([{ path: 'name', message: 'Required' }]);
    expect(e.messageIn('id')).toBe('Periksa kembali isian: name.');
  });

  it('maps the common codes to their HTTP statuses', () => {
    expect(commonError('auth.required').status).toBe(401);
    expect(commonError('auth.forbidden').status).toBe(403);
    expect(commonError('request.not_found').status).toBe(404);
    expect(commonError('server.internal', { requestId: 'r' }).status).toBe(500);
  });
});

describe('requestLanguage', () => {
  const lang = (h?: string) => requestLanguage({ headers: h === undefined ? {} : { 'accept-language': h } });
  it('defaults to Bahasa Indonesia', () => {
    expect(lang()).toBe('id');
    expect(lang('fr-FR')).toBe('id');
  });
  it('follows the client’s ranking', () => {
    expect(lang('en-US,en;q=0.9')).toBe('en');
    expect(lang('en;q=0.5, id;q=0.8')).toBe('id');
    expect(lang('id-ID')).toBe('id');
  });
});
