import type { ApiErrorField } from '@atensi/domain';

export type Language = 'id' | 'en';
export type Localised = Record<Language, string>;

export type ErrorDefinition = { status: number; message: Localised };

/**
 * One error type with a stable `code`, an HTTP status and a message in both languages.
 * Each module defines its own codes with `defineErrors`; there is no global list.
 */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly localised: Localised,
    readonly fields?: { path: string; message: Localised }[],
    readonly details?: Record<string, unknown>,
  ) {
    super(`${code}: ${localised.en}`);
  }

  messageIn(lang: Language): string {
    return this.localised[lang];
  }

  fieldsIn(lang: Language): ApiErrorField[] | undefined {
    return this.fields?.map((f) => ({ path: f.path, message: f.message[lang] }));
  }
}

const fill = (text: string, params: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));

/** `const errors = defineErrors({ 'center.not_found': { status: 404, message: {...} } })` then `throw errors('center.not_found')`. */
export const defineErrors = <const T extends Record<string, ErrorDefinition>>(table: T) => {
  return (
    code: keyof T & string,
    params: Record<string, string | number> = {},
    fields?: { path: string; message: Localised }[],
    details?: Record<string, unknown>,
  ): AppError => {
    const def = table[code] as ErrorDefinition;
    return new AppError(
      code,
      def.status,
      { id: fill(def.message.id, params), en: fill(def.message.en, params) },
      fields,
      details,
    );
  };
};

/** Errors every module may raise. */
export const commonError = defineErrors({
  'auth.required': {
    status: 401,
    message: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  },
  'auth.forbidden': {
    status: 403,
    message: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  },
  'request.not_found': {
    status: 404,
    message: { id: 'Alamat tidak ditemukan.', en: 'Not found.' },
  },
  'request.bad_url': {
    status: 400,
    message: { id: 'Alamat (URL) tidak valid.', en: 'The address (URL) is not valid.' },
  },
  'request.validation_failed': {
    status: 400,
    message: { id: 'Periksa kembali isian: {fields}.', en: 'Please check: {fields}.' },
  },
  'request.too_large': {
    status: 413,
    message: { id: 'Data yang dikirim terlalu besar.', en: 'The request is too large.' },
  },
  'request.malformed': {
    status: 400,
    message: {
      id: 'Permintaan tidak dapat dibaca (JSON tidak valid).',
      en: 'The request could not be read (invalid JSON).',
    },
  },
  'request.unsupported_media_type': {
    status: 415,
    message: {
      id: 'Jenis isi permintaan tidak didukung; kirim JSON (application/json).',
      en: 'Unsupported request content type; send JSON (application/json).',
    },
  },
  'request.rate_limited': {
    status: 429,
    message: {
      id: 'Terlalu banyak percobaan. Coba lagi dalam {seconds} detik.',
      en: 'Too many attempts. Try again in {seconds} seconds.',
    },
  },
  'server.internal': {
    status: 500,
    message: {
      id: 'Terjadi kesalahan pada server. Laporkan kode permintaan {requestId} kepada admin.',
      en: 'Something went wrong on the server. Report request id {requestId} to the administrator.',
    },
  },
});
