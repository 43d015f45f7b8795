import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldErrorsToForm } from '../api/fieldErrors';
import { issuesToFormErrors, type ValidationIssue } from './validation';

/** A domain (Zod) schema, seen only through `safeParse`. */
type Schema<I> = {
  safeParse: (
    raw: unknown,
  ) => { success: true; data: I } | { success: false; error: { issues: readonly ValidationIssue[] } };
};

/**
 * A modal or page form over a domain (Zod) schema: validates with the schema plus checks it
 * cannot make (`extra`, e.g. "down to the village"), sends, and keeps the server's answer —
 * field errors beside the fields, anything else (a version conflict with its reload offer, a
 * full shelter) above the buttons.
 */
export function useSchemaForm<T extends Record<string, unknown>>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    // Also `person.fullName` for the field `fullName`.
    const gone = (path: string) => path === String(key) || path.endsWith(`.${String(key)}`);
    setErrors((e) =>
      Object.keys(e).some(gone) ? Object.fromEntries(Object.entries(e).filter(([p]) => !gone(p))) : e,
    );
  };
  const submit = async <I>(
    schema: Schema<I>,
    raw: unknown,
    send: (input: I) => Promise<void>,
    extra: Record<string, string> = {},
  ) => {
    setError(null);
    const parsed = schema.safeParse(raw);
    if (!parsed.success || Object.keys(extra).length > 0) {
      setErrors({
        ...extra,
        ...(parsed.success ? {} : issuesToFormErrors(parsed.error.issues, raw, t, ['clusters'])),
      });
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (e) {
      const fields = isApiError(e) ? fieldErrorsToForm(e.fields, ['clusters']) : {};
      setErrors(fields);
      // A message shown beside its field is not repeated above the buttons.
      const beside = Object.keys(fields).length > 0 && Object.keys(fields).every((k) => k in values);
      setError(beside ? null : e);
    } finally {
      setBusy(false);
    }
  };
  const reset = (next: T) => {
    setValues(next);
    setErrors({});
    setError(null);
  };
  return { values, set, errors, error, busy, submit, reset };
}
