import { formatDate, formatDateTime, type StockLot, type WarehouseKind } from '@atensi/domain';
import { Alert, Badge, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { inactiveColor } from '../../app/theme';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors, type ValidationIssue } from '../../lib/validation';

export { Field } from '../../components/Field';

import { SaveError } from '../../components/SaveError';

export { SaveError };

/** A random key per opened form, so a retried write is recorded once (`crypto.randomUUID` is RFC 4122). */
export const newKey = (): string => crypto.randomUUID();

/** `YYYY-MM-DD` of today on this device's calendar. */
export const localToday = (now: Date = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** `3 Mei 2026` for a date, `3 Mei 2026 14.05 WIB` for a timestamp. */
export const useDates = () => {
  const lang = currentLanguage();
  return {
    date: (d: string) => formatDate(d, 'WIB', lang),
    dateTime: (d: string) => formatDateTime(d, 'WIB', lang),
  };
};

/** `1.250` in Indonesian, `1,250` in English: whole units only. */
export const useQuantity = () => {
  const lang = currentLanguage();
  const format = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 0 });
  return (n: number, unit?: string) => (unit ? `${format.format(n)} ${unit}` : format.format(n));
};

/** A NumberInput value as a number, or undefined when empty (the schema then says "required"). */
export const numberValue = (v: string | number): number | undefined => {
  if (v === '' || v === null || v === undefined) return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? undefined : n;
};

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const warningColor = '#8a3c00';
const kindColors: Record<WarehouseKind, string> = { center: 'blue.9', central: 'violet.9', site: 'cyan.9' };

/** A badge whose text wraps in a narrow table column instead of being cut off. */
const wrapping = {
  maw: '100%',
  h: 'auto',
  mih: 'var(--badge-height)',
  styles: { label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip' } },
} as const;

export function WarehouseKindBadge({ kind }: { kind: WarehouseKind }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={kindColors[kind]} tt="none">
      {t(`logistics.warehouseKind.${kind}`)}
    </Badge>
  );
}

export function InactiveBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={inactiveColor} tt="none">
      {t('logistics.inactive')}
    </Badge>
  );
}

export function LowStockBadge({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={warningColor} tt="none" {...wrapping}>
      {label ?? t('logistics.stock.low')}
    </Badge>
  );
}

/** "Kedaluwarsa" (red) or "Segera kedaluwarsa" (brown); nothing for a lot that keeps. */
export function ExpiryBadge({ expiry, label }: { expiry: StockLot['expiry']; label?: string }) {
  const { t } = useTranslation();
  if (expiry === 'ok') return null;
  return (
    <Badge variant="filled" color={expiry === 'expired' ? 'red.9' : warningColor} tt="none" {...wrapping}>
      {label ?? t(`logistics.expiry.${expiry}`)}
    </Badge>
  );
}

/** A modal form for one action: the fields, the server's error, cancel and submit. Full screen on a phone. */
export function LogisticsModal({
  title,
  submitLabel,
  submitColor,
  busy,
  error,
  hasErrors,
  onSubmit,
  onClose,
  onReload,
  size,
  children,
}: {
  title: string;
  submitLabel: string;
  submitColor?: string;
  busy: boolean;
  error: unknown;
  /** Field errors are shown: say so above the buttons too (a long form hides the first one). */
  hasErrors?: boolean;
  onSubmit: () => void;
  onClose: () => void;
  onReload?: () => void;
  size?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      centered
      size={size ?? 'md'}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          {children}
          {hasErrors && !error && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('errors.checkFields')}
            </Alert>
          )}
          <SaveError
            error={error}
            onReload={
              onReload &&
              (() => {
                onClose();
                onReload();
              })
            }
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** A domain (Zod) schema, seen only through `safeParse`. */
type Schema<I> = {
  safeParse: (
    raw: unknown,
  ) => { success: true; data: I } | { success: false; error: { issues: readonly ValidationIssue[] } };
};

type Row = Record<string, unknown>;
/** The keys of `T` that hold a list of rows (receipt lines, recipients). */
type ListKey<T> = { [K in keyof T]: T[K] extends readonly Row[] ? K : never }[keyof T];
type RowOf<T, L extends keyof T> = T[L] extends readonly (infer R)[] ? R : never;

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(`${prefix}.`);
const without = (errors: Record<string, string>, gone: (path: string) => boolean) =>
  Object.keys(errors).some(gone)
    ? Object.fromEntries(Object.entries(errors).filter(([p]) => !gone(p)))
    : errors;

/** Moves the focus to the first field marked invalid in the open dialog. */
const focusFirstError = () =>
  requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('[role="dialog"] [aria-invalid="true"]')?.focus(),
  );

/**
 * A modal form over a domain (Zod) schema with rows (`lines.0.quantity`): validates with the
 * schema plus checks it cannot make (`extra`, e.g. "expiry required for a perishable item"),
 * sends, and keeps the server's answer — field errors beside the fields (rows included),
 * anything else above the buttons.
 */
export function useLogisticsForm<T extends Row>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => without(e, (p) => p === String(key)));
  };
  const setRow = <L extends ListKey<T>, F extends keyof RowOf<T, L>>(
    list: L,
    index: number,
    field: F,
    value: RowOf<T, L>[F],
  ) => {
    setValues((v) => {
      const rows = v[list] as unknown as RowOf<T, L>[];
      return { ...v, [list]: rows.map((r, i) => (i === index ? { ...(r as Row), [field]: value } : r)) };
    });
    const path = `${String(list)}.${index}.${String(field)}`;
    setErrors((e) => without(e, (p) => p === path || p === String(list)));
  };
  const addRow = <L extends ListKey<T>>(list: L, row: RowOf<T, L>) => {
    setValues((v) => ({ ...v, [list]: [...(v[list] as unknown as RowOf<T, L>[]), row] }));
    setErrors((e) => without(e, (p) => p === String(list)));
  };
  /** Row errors go with the removal: their indices would no longer match. */
  const removeRow = <L extends ListKey<T>>(list: L, index: number) => {
    setValues((v) => ({ ...v, [list]: (v[list] as unknown as RowOf<T, L>[]).filter((_, i) => i !== index) }));
    setErrors((e) => without(e, under(String(list))));
  };

  const submit = async <I,>(
    schema: Schema<I>,
    raw: unknown,
    send: (input: I) => Promise<void>,
    extra: Record<string, string> = {},
  ) => {
    setError(null);
    const parsed = schema.safeParse(raw);
    if (!parsed.success || Object.keys(extra).length > 0) {
      setErrors({
        ...(parsed.success ? {} : issuesToFormErrors(parsed.error.issues, raw, t)),
        ...extra,
      });
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
    } catch (e) {
      const fields = isApiError(e) ? fieldErrorsToForm(e.fields) : {};
      setErrors(fields);
      // A message shown beside its field is not repeated above the buttons.
      const beside =
        Object.keys(fields).length > 0 && Object.keys(fields).every((k) => (k.split('.')[0] ?? k) in values);
      setError(beside ? null : e);
      if (Object.keys(fields).length > 0) focusFirstError();
    } finally {
      setBusy(false);
    }
  };

  return {
    values,
    set,
    setRow,
    addRow,
    removeRow,
    errors,
    hasErrors: Object.keys(errors).length > 0,
    error,
    busy,
    submit,
  };
}
