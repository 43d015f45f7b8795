import { z } from 'zod';
import type { ApiErrorField } from './errors.ts';
import type { Locale } from './format/dates.ts';
import { isValidationMessageKey, validationMessage } from './validation-messages.ts';

const zodLocales = { id: z.locales.id(), en: z.locales.en() };

/** `coverage.0` style path, as forms and the API name fields. */
export const issuePath = (path: readonly PropertyKey[]): string => path.map(String).join('.');

/**
 * Validates `data` and returns the problems in the given language, one per field, or null
 * when valid. Domain rules carry a key from `validationMessages`; Zod's own rules use
 * Zod's locale.
 */
export const localisedFieldErrors = (
  schema: z.ZodType,
  data: unknown,
  lang: Locale,
): ApiErrorField[] | null => {
  const result = schema.safeParse(data, { error: zodLocales[lang].localeError });
  if (result.success) return null;
  const seen = new Set<string>();
  const fields: ApiErrorField[] = [];
  for (const issue of result.error.issues) {
    const path = issuePath(issue.path);
    if (seen.has(path)) continue;
    seen.add(path);
    const message = isValidationMessageKey(issue.message)
      ? validationMessage(issue.message, lang, (issue as { params?: Record<string, unknown> }).params)
      : issue.message;
    fields.push({ path, message });
  }
  return fields;
};
