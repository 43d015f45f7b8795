import { toWellFormed } from '@atensi/domain';
import { create } from 'content-disposition';
import type { FastifyReply } from 'fastify';

export const fileTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/**
 * A `Content-Disposition` value for a file name that may come from user input (a period
 * label, a dispatch number): RFC 6266 with an ASCII `filename` and the exact name as RFC 8187
 * `filename*`, by the `content-disposition` package (docs/decisions/0019). Control characters
 * and broken surrogates are dropped first: neither belongs in a file name, and either would
 * make the header invalid — and the answer a 500.
 */
export const contentDisposition = (filename: string, type: 'attachment' | 'inline' = 'attachment'): string =>
  create(
    toWellFormed(filename)
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .replace(/[\\/]/g, '-'),
    { type },
  );

/**
 * The one way a route sends a file: its type, how the browser should take it (a download
 * named `filename`, or `inline` without a name, e.g. a photo shown on the page) and the bytes.
 */
export const sendFile = (
  reply: FastifyReply,
  file: { contentType: string; body: Buffer | Uint8Array; filename?: string },
) =>
  reply
    .type(file.contentType)
    .header('content-disposition', file.filename ? contentDisposition(file.filename) : 'inline')
    .send(file.body);
