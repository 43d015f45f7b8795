import { z } from 'zod';

/**
 * Text a person typed, as every input schema takes it (docs/decisions/0019). PostgreSQL
 * refuses NUL (U+0000) in `text`, and `jsonb` (the audit log's before/after) refuses a lone
 * UTF-16 surrogate, which a browser or client may still send (`"\ud800"` is valid JSON):
 * both are refused here with a message naming the field, so no request reaches the
 * database with them. Everything else — emoji, accents, other scripts — is text.
 */

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Can PostgreSQL store this string as `text` and inside `jsonb`? */
export const isStorableText = (value: string): boolean =>
  !value.includes('\u0000') && !loneSurrogate.test(value);

/** Lone surrogates replaced by U+FFFD (what `String.prototype.toWellFormed` does; not in ES2023). */
export const toWellFormed = (value: string): string =>
  value.replace(new RegExp(loneSurrogate.source, 'g'), '\ufffd');

/**
 * The base of every string field of every input schema: `text().trim().min(2).max(200)`.
 * The check runs first and stops the others, so the field reports one clear problem.
 */
export const text = () =>
  z.string().refine(isStorableText, { message: 'validation.text_characters', abort: true });

/** Trimmed text of `min`…`max` characters. */
export const requiredText = (min: number, max: number) => text().trim().min(min).max(max);

/** Trimmed text up to `max` characters; empty, null or absent become null. */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

let graphemes: Intl.Segmenter | undefined;

/** The user-perceived characters of a text (an emoji with its modifiers is one). */
export const charactersOf = (value: string): string[] => {
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(graphemes.segment(value), (s) => s.segment);
};

/**
 * At most `max` UTF-16 units of `value`, cut between whole characters (never inside an emoji
 * or a surrogate pair), for summaries written from longer text into a bounded column.
 */
export const clipText = (value: string, max: number): string => {
  if (value.length <= max) return value;
  let out = '';
  for (const c of charactersOf(value)) {
    if (out.length + c.length > max) break;
    out += c;
  }
  return out;
};
