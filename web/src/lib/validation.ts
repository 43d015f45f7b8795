import { isValidationMessageKey, type Locale, validationMessage } from '@atensi/domain';
import { currentLanguage } from '../i18n';

/**
 * Localised client-side validation messages. The domain's Zod schemas decide *what* is wrong
 * (so the form and the API refuse the same thing); this file decides how to say it in id/en,
 * keyed by the Zod issue code and the field, instead of showing Zod's raw English.
 */
export type ValidationIssue = {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message?: string;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly origin?: string;
  readonly format?: string;
  readonly expected?: string;
  /** Filled into the domain message's `{name}` placeholders (a date's bound). */
  readonly params?: Record<string, unknown>;
};

export type Translate = (key: string, options?: Record<string, unknown>) => string;

const valueAt = (values: unknown, path: readonly PropertyKey[]): unknown => {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key as string];
  }
  return current;
};

const isEmpty = (v: unknown): boolean =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (typeof v === 'number' && Number.isNaN(v)) ||
  (Array.isArray(v) && v.length === 0);

const fieldOf = (path: readonly PropertyKey[]): string => {
  const named = path.filter((p) => typeof p === 'string') as string[];
  return named[named.length - 1] ?? '';
};

/**
 * One localised sentence for one issue. `values` are the values that were validated. The
 * domain's own rules carry a key of `validationMessages`, worded once for server and web.
 */
export const issueMessage = (
  issue: ValidationIssue,
  values: unknown,
  t: Translate,
  lang: Locale = currentLanguage(),
): string => {
  const field = fieldOf(issue.path);
  const value = valueAt(values, issue.path);
  if (issue.code !== 'too_big' && !(issue.code === 'custom' && field === 'occupiedBeds') && isEmpty(value)) {
    if (Array.isArray(value)) return t('validation.chooseOne');
    if (field === 'centerId') return t('validation.centerRequired');
    return t('validation.required');
  }
  if (issue.message && isValidationMessageKey(issue.message))
    return validationMessage(issue.message, lang, issue.params);
  if (issue.code === 'custom') return t('validation.invalid');
  const min = Number(issue.minimum);
  const max = Number(issue.maximum);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') {
        return field === 'password'
          ? t('validation.passwordMin', { count: min })
          : t('validation.minLength', { count: min });
      }
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.minItems', { count: min });
      return t('validation.min', { min });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.maxLength', { count: max });
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.maxItems', { count: max });
      return t('validation.max', { max });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.format');
    case 'invalid_type':
      if (issue.expected === 'int') return t('validation.integer');
      if (issue.expected === 'number') return t('validation.number');
      return t('validation.required');
    case 'invalid_value':
    case 'invalid_union':
      return field === 'email' ? t('validation.email') : t('validation.choice');
    case 'not_multiple_of':
      return t('validation.integer');
    default:
      return t('validation.invalid');
  }
};

/**
 * Form errors keyed by form path (`name`, `roles.0.centerId`). Paths under a `collapse`
 * prefix (e.g. `coverage.3`) are shown on the list field. The first issue per path wins.
 */
export const issuesToFormErrors = (
  issues: readonly ValidationIssue[],
  values: unknown,
  t: Translate,
  collapse: readonly string[] = [],
  lang: Locale = currentLanguage(),
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    const top = path[0] ?? '';
    const key = collapse.includes(top) ? top : path.join('.');
    if (!(key in errors)) errors[key] = issueMessage(issue, values, t, lang);
  }
  return errors;
};
