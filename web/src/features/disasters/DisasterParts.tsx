import type { DisasterStatus, DispatchStatus, Item, Page, Warehouse } from '@atensi/domain';
import {
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  NumberInput,
  type NumberInputProps,
  Select,
  type SelectProps,
  Stack,
} from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { can, useMe } from '../../api/me';
import { activeColor, inactiveColor } from '../../app/theme';
import { ForbiddenPage } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors, type ValidationIssue } from '../../lib/validation';
import { searchItems, searchWarehouses } from './api';

export { Field } from '../../components/Field';

import { SaveError } from '../../components/SaveError';

export { SaveError };

/** Whole units: no decimals, no negatives, grouped the reader's way. */
export function QuantityInput(props: Omit<NumberInputProps, 'allowDecimal' | 'allowNegative'>) {
  const en = currentLanguage() === 'en';
  return (
    <NumberInput
      thousandSeparator={en ? ',' : '.'}
      decimalSeparator={en ? '.' : ','}
      allowDecimal={false}
      allowNegative={false}
      hideControls
      inputMode="numeric"
      {...props}
    />
  );
}

/** Filled badges in dark shades: white text stays above 4.5:1 at badge size. */
const disasterColors: Record<DisasterStatus, string> = {
  emergency: 'red.9',
  recovery: '#8a3c00',
  closed: inactiveColor,
};

export function DisasterStatusBadge({ status }: { status: DisasterStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={disasterColors[status]} tt="none">
      {t(`disasters.status.${status}`)}
    </Badge>
  );
}

const dispatchColors: Record<DispatchStatus, string> = { in_transit: 'blue.9', received: activeColor };

export function DispatchStatusBadge({ status }: { status: DispatchStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color={dispatchColors[status]} tt="none">
      {t(`disasters.dispatchStatus.${status}`)}
    </Badge>
  );
}

export function DiscrepancyBadge() {
  const { t } = useTranslation();
  return (
    <Badge variant="filled" color="#8a3c00" tt="none">
      {t('disasters.dispatch.discrepancy')}
    </Badge>
  );
}

/** The 403 page unless the signed-in person holds one of the permissions. */
export function RequireAnyPermission({
  permissions,
  children,
}: {
  permissions: readonly string[];
  children: ReactNode;
}) {
  const me = useMe();
  return permissions.some((p) => can(me, p)) ? children : <ForbiddenPage />;
}

/** A domain (Zod) schema, seen only through `safeParse`. */
type Schema<I> = {
  safeParse: (
    raw: unknown,
  ) => { success: true; data: I } | { success: false; error: { issues: readonly ValidationIssue[] } };
};

/** Whether the form holds a field at `path` (`lines.0.quantity`), i.e. an error there is shown beside it. */
const hasField = (raw: unknown, path: string): boolean => {
  if (path === 'version' || path === 'idempotencyKey') return false;
  let current: unknown = raw;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object' || !(key in current)) return false;
    current = (current as Record<string, unknown>)[key];
  }
  return true;
};

/**
 * Validates with a domain schema (plus checks it cannot make, `extra`), sends, and keeps the
 * server's answer: field errors beside their fields (also per line: `lines.0.quantity`), anything
 * else above the buttons. The first invalid field gets the focus.
 */
export function useFormSubmit(collapse: readonly string[] = []) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')
        ?.focus(),
    );

  /** Drops the error of a field (and of the fields under it) once the person changes it. */
  const clear = (path: string) =>
    setErrors((e) => {
      const gone = (k: string) => k === path || k.startsWith(`${path}.`);
      return Object.keys(e).some(gone) ? Object.fromEntries(Object.entries(e).filter(([k]) => !gone(k))) : e;
    });

  const submit = async <I,>(
    schema: Schema<I>,
    raw: unknown,
    send: (input: I) => Promise<void>,
    extra: Record<string, string> = {},
    /** From the path of what was sent to the path of the form's field (e.g. when empty lines are left out). */
    remap: (path: string) => string = (path) => path,
  ): Promise<boolean> => {
    setError(null);
    const parsed = schema.safeParse(raw);
    const remapped = (errors: Record<string, string>) =>
      Object.fromEntries(Object.entries(errors).map(([k, v]) => [remap(k), v]));
    if (!parsed.success || Object.keys(extra).length > 0) {
      setErrors({
        ...(parsed.success ? {} : remapped(issuesToFormErrors(parsed.error.issues, raw, t, collapse))),
        ...extra,
      });
      focusFirstError();
      return false;
    }
    setErrors({});
    setBusy(true);
    try {
      await send(parsed.data);
      return true;
    } catch (e) {
      const fields = isApiError(e) ? fieldErrorsToForm(e.fields, collapse) : {};
      setErrors(remapped(fields));
      const keys = Object.keys(fields);
      // A message shown beside its field is not repeated above the buttons.
      const beside = keys.length > 0 && keys.every((k) => hasField(raw, k));
      setError(beside ? null : e);
      if (keys.length > 0) focusFirstError();
      return false;
    } finally {
      setBusy(false);
    }
  };

  return { formRef, errors, error, busy, submit, clear };
}

/** A modal form: the fields, the server's error and cancel/submit buttons; the whole screen on a phone. */
export function FormModal({
  title,
  submitLabel,
  submitColor,
  busy,
  error,
  onSubmit,
  onClose,
  onReload,
  formRef,
  size,
  children,
}: {
  title: string;
  submitLabel: string;
  submitColor?: string;
  busy: boolean;
  error: unknown;
  onSubmit: () => void;
  onClose: () => void;
  onReload?: () => void;
  formRef?: RefObject<HTMLFormElement | null>;
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
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack>
          {children}
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

type Option = { value: string; label: string };
type SearchSelectProps = Omit<SelectProps, 'data' | 'value' | 'onChange' | 'searchValue' | 'onSearchChange'>;

/** A searchable select whose options come from the server as the person types. */
function RemoteSelect<T extends { id: string }>({
  value,
  onChange,
  kind,
  fetchPage,
  optionLabel,
  ...rest
}: SearchSelectProps & {
  value: string | null;
  onChange: (id: string | null, row: T | null) => void;
  /** Names the cached answers: `items`, `warehouses`. */
  kind: string;
  fetchPage: (term: string, signal: AbortSignal) => Promise<Page<T>>;
  optionLabel: (row: T) => string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<{ option: Option; row: T } | null>(null);
  const [debounced] = useDebouncedValue(search, 300);
  const term = debounced === chosen?.option.label ? '' : debounced.trim();
  const found = useQuery({
    queryKey: ['logistics', kind, 'options', term] as const,
    queryFn: ({ signal }) => fetchPage(term, signal),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo(() => {
    const list = [...(found.data?.items ?? [])];
    if (chosen && chosen.row.id === value && !list.some((r) => r.id === chosen.row.id))
      list.unshift(chosen.row);
    return list;
  }, [found.data, chosen, value]);
  const options = rows.map((r) => ({ value: r.id, label: optionLabel(r) }));

  // Cleared from outside (the form was reset): forget the remembered choice.
  useEffect(() => {
    if (value === null && chosen !== null) setChosen(null);
  }, [value, chosen]);

  return (
    <Select
      {...rest}
      data={options}
      value={value}
      onChange={(v, option) => {
        const row = rows.find((r) => r.id === v) ?? null;
        setChosen(v && row ? { option: { value: v, label: option?.label ?? optionLabel(row) }, row } : null);
        onChange(v, row);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      nothingFoundMessage={found.isFetching ? t('common.loading') : t('common.noResults')}
      rightSection={found.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** An item of the catalogue, "Beras 5 kg (paket)"; the value is its id. */
export function ItemSelect(
  props: SearchSelectProps & {
    value: string | null;
    onChange: (id: string | null, item: Item | null) => void;
  },
) {
  const { t } = useTranslation();
  return (
    <RemoteSelect<Item>
      placeholder={t('disasters.itemPlaceholder')}
      {...props}
      kind="items"
      fetchPage={searchItems}
      optionLabel={(i) => `${i.name} (${i.unit})`}
    />
  );
}

/** A warehouse, "Gudang Balai … — Balai …"; the value is its id. */
export function WarehouseSelect(
  props: SearchSelectProps & {
    value: string | null;
    onChange: (id: string | null, warehouse: Warehouse | null) => void;
  },
) {
  const { t } = useTranslation();
  return (
    <RemoteSelect<Warehouse>
      placeholder={t('disasters.warehousePlaceholder')}
      {...props}
      kind="warehouses"
      fetchPage={searchWarehouses}
      optionLabel={(w) =>
        w.centerName && !w.name.includes(w.centerName) ? `${w.name} — ${w.centerName}` : w.name
      }
    />
  );
}
