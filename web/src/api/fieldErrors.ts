import type { ApiErrorField } from '@atensi/domain';

/**
 * Turns the server's `fields: [{ path, message }]` into form errors keyed by form path.
 * Paths under a `collapse` prefix (e.g. `coverage.0`) are shown on the whole field (`coverage`),
 * because the form renders one input for the list. The first message for a path wins.
 */
export const fieldErrorsToForm = (
  fields: readonly ApiErrorField[] | undefined,
  collapse: readonly string[] = [],
): Record<string, string> => {
  const errors: Record<string, string> = {};
  for (const field of fields ?? []) {
    const path = field.path.replace(/\[(\d+)\]/g, '.$1').replace(/^\./, '');
    const top = path.split('.')[0] ?? path;
    const key = collapse.includes(top) ? top : path;
    if (!(key in errors)) errors[key] = field.message;
  }
  return errors;
};
