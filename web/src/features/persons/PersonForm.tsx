import {
  type CreatePersonInput,
  consentGivers,
  createPersonInput,
  disabilityTypes,
  dtksStatuses,
  legalBases,
  limits,
  nikUnknownReasons,
  type Person,
  type UpdatePersonInput,
  updatePersonInput,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isVersionConflict } from '../../api/client';
import { errorMessage } from '../../components/PageStates';
import { RegionPicker } from '../../components/RegionPicker';
import { currentLanguage } from '../../i18n';
import type { ServeElsewhere } from '../cases/serveElsewhere';
import { AnchorLink } from './AnchorLink';
import { duplicatesQueryOptions, existingPersonIdFor } from './api';
import { DuplicatePanel, DuplicateReminder, WarningTitle, warningColor } from './DuplicatePanel';
import { todayInWib } from './personFormat';
import {
  type ConsentGiver,
  type DisabilityType,
  type DtksStatus,
  duplicateQueryFrom,
  emptyPersonValues,
  type LegalBasis,
  type NikUnknownReason,
  nikCheckedFieldsChanged,
  type PersonFormValues,
  personIssuesToErrors,
  personToValues,
  serverErrorsToForm,
  valuesToInput,
} from './personFormValues';

type Props =
  | {
      mode: 'create';
      /** The centres the user registers for (from their roles); one is preselected. */
      centers: { id: string; name: string }[];
      initial?: undefined;
      onSubmit: (input: CreatePersonInput) => Promise<unknown>;
      onReload?: undefined;
      onCancel: () => void;
      /**
       * When the NIK belongs to a person registered at a balai the user does not see: offer to
       * serve them here (open a case with proof of identity). Absent: no such offer.
       */
      onServeElsewhere?: (personId: string, typed: ServeElsewhere) => void;
    }
  | {
      mode: 'edit';
      centers?: undefined;
      initial: Person;
      onSubmit: (input: UpdatePersonInput) => Promise<unknown>;
      /** Refetches the person after a version conflict. */
      onReload: () => Promise<Person | undefined>;
      onCancel: () => void;
    };

/*
 * Required inputs also carry their label as `aria-label`: the same words (so the visible label
 * and the accessible name agree) without Mantine's " *", which keeps exact label look-ups
 * ("NIK" vs "NIK tidak diketahui") working for assistive tech and tests alike.
 */

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder component="section">
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

/** Registration and editing share this form; it validates with the domain schema before sending. */
export function PersonForm(props: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [version, setVersion] = useState(props.initial?.version ?? 0);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [existing, setExisting] = useState<{
    message: string;
    id: string | null;
    /** Registered at a balai the user does not see: no record to open, a person to serve. */
    elsewhere: boolean;
  } | null>(null);
  const [nikWarnings, setNikWarnings] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);
  const excludeId = props.mode === 'edit' ? props.initial.id : null;

  const parse = (values: PersonFormValues) => {
    const input = valuesToInput(values);
    return props.mode === 'edit'
      ? { input, result: updatePersonInput.safeParse({ ...input, version }) }
      : {
          input: { ...input, centerId: values.centerId },
          result: createPersonInput.safeParse({ ...input, centerId: values.centerId }),
        };
  };

  const form = useForm<PersonFormValues>({
    initialValues: props.initial
      ? personToValues(props.initial)
      : emptyPersonValues(props.centers?.[0]?.id ?? ''),
    validate: (values) => {
      const { input, result } = parse(values);
      const errors = result.success ? {} : personIssuesToErrors(result.error.issues, input, values, t, lang);
      if (errors.centerId) errors.centerId = t('validation.required');
      return errors;
    },
    onValuesChange: (values, previous) => {
      if (!nikCheckedFieldsChanged(values, previous)) return;
      setNikWarnings({});
      if (values.nikWarningsConfirmed && previous.nikWarningsConfirmed) {
        form.setFieldValue('nikWarningsConfirmed', false);
      }
    },
  });
  const v = form.values;

  // The duplicate check follows the typing, 400 ms behind; the key is a string so the
  // debounce settles (a fresh object every render would never be "unchanged").
  const queryKey = JSON.stringify(duplicateQueryFrom(v, excludeId));
  const [debouncedKey] = useDebouncedValue(queryKey, 400);
  const dupQuery = useMemo(
    () => JSON.parse(debouncedKey) as ReturnType<typeof duplicateQueryFrom>,
    [debouncedKey],
  );
  const duplicates = useQuery(duplicatesQueryOptions(dupQuery));
  const candidates = dupQuery ? (duplicates.data ?? []) : [];

  const submit = form.onSubmit(
    async (values) => {
      const { result } = parse(values);
      if (!result.success) return;
      setServerError(null);
      setConflict(false);
      setExisting(null);
      setBusy(true);
      try {
        if (props.mode === 'edit') await props.onSubmit(result.data as UpdatePersonInput);
        else await props.onSubmit(result.data as CreatePersonInput);
        setNikWarnings({});
      } catch (error) {
        if (isVersionConflict(error)) {
          setConflict(true);
        } else if (isApiError(error) && error.code === 'person.nik_warnings') {
          setNikWarnings(serverErrorsToForm(error.fields, values));
        } else if (
          isApiError(error) &&
          (error.code === 'person.nik_exists' || error.code === 'person.nik_exists_elsewhere')
        ) {
          form.setErrors(serverErrorsToForm(error.fields, values));
          setExisting({
            message: error.message,
            id: existingPersonIdFor(error),
            elsewhere: error.code === 'person.nik_exists_elsewhere',
          });
        } else {
          setServerError(errorMessage(error, t('errors.generic')));
          if (isApiError(error)) form.setErrors(serverErrorsToForm(error.fields, values));
        }
      } finally {
        setBusy(false);
      }
    },
    () => setServerError(t('errors.checkFields')),
  );

  const reload = async () => {
    if (props.mode !== 'edit') return;
    setReloading(true);
    try {
      const fresh = await props.onReload();
      if (fresh) {
        const values = personToValues(fresh);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
        form.clearErrors();
        setVersion(fresh.version);
      }
      setConflict(false);
      setServerError(null);
      setNikWarnings({});
    } catch (error) {
      setServerError(errorMessage(error, t('errors.generic')));
    } finally {
      setReloading(false);
    }
  };

  /** A NIK warning below a field, in orange, read out with it (Mantine links the description). */
  const warn = (field: string) =>
    nikWarnings[field]
      ? {
          description: (
            <Text component="span" size="sm" c={warningColor} fw={500}>
              <IconAlertTriangle size={14} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
              {nikWarnings[field]}
            </Text>
          ),
          inputWrapperOrder: ['label', 'input', 'description', 'error'] as (
            | 'label'
            | 'input'
            | 'description'
            | 'error'
          )[],
        }
      : {};

  const options = <T extends string>(values: readonly T[], prefix: string, placeholder = true) => [
    ...(placeholder ? [{ value: '', label: t('persons.choose') }] : []),
    ...values.map((value) => ({ value, label: t(`${prefix}.${value}`) })),
  ];

  const hasWarnings = Object.keys(nikWarnings).length > 0;
  const guardian = v.consentBy === 'parent' || v.consentBy === 'guardian';
  const today = todayInWib();

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Section title={t('persons.sections.identity')}>
          {props.mode === 'create' &&
            (props.centers.length > 1 ? (
              <NativeSelect
                label={t('persons.fields.center')}
                aria-label={t('persons.fields.center')}
                required
                data={[
                  { value: '', label: t('persons.choose') },
                  ...props.centers.map((c) => ({ value: c.id, label: c.name })),
                ]}
                {...form.getInputProps('centerId')}
              />
            ) : (
              <TextInput
                label={t('persons.fields.center')}
                aria-label={t('persons.fields.center')}
                description={t('persons.hints.centerFixed')}
                value={props.centers[0]?.name ?? ''}
                readOnly
                error={form.errors.centerId}
              />
            ))}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap="xs">
              {!v.nikUnknown && (
                <TextInput
                  label={t('persons.fields.nik')}
                  aria-label={t('persons.fields.nik')}
                  description={t('persons.hints.nik')}
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={16}
                  required
                  {...form.getInputProps('nik')}
                  onChange={(e) => form.setFieldValue('nik', e.currentTarget.value.replace(/\D/g, ''))}
                />
              )}
              <Switch
                label={t('persons.fields.nikUnknown')}
                {...form.getInputProps('nikUnknown', { type: 'checkbox' })}
              />
              {v.nikUnknown && (
                <NativeSelect
                  label={t('persons.fields.nikUnknownReason')}
                  aria-label={t('persons.fields.nikUnknownReason')}
                  required
                  data={options(nikUnknownReasons, 'persons.nikUnknownReason')}
                  {...form.getInputProps('nikUnknownReason')}
                  onChange={(e) =>
                    form.setFieldValue('nikUnknownReason', e.currentTarget.value as NikUnknownReason | '')
                  }
                />
              )}
            </Stack>
            <TextInput
              label={t('persons.fields.kkNumber')}
              inputMode="numeric"
              autoComplete="off"
              maxLength={16}
              {...form.getInputProps('kkNumber')}
              onChange={(e) => form.setFieldValue('kkNumber', e.currentTarget.value.replace(/\D/g, ''))}
            />
          </SimpleGrid>
          <TextInput
            label={t('persons.fields.fullName')}
            aria-label={t('persons.fields.fullName')}
            required
            autoComplete="off"
            maxLength={limits.nameMax}
            {...form.getInputProps('fullName')}
          />
          <TagsInput
            label={t('persons.fields.aliases')}
            description={t('persons.hints.aliases')}
            maxTags={10}
            clearable
            comboboxProps={{ keepMounted: false }}
            {...form.getInputProps('aliases')}
          />
          <Radio.Group
            label={t('persons.fields.sex')}
            required
            {...form.getInputProps('sex')}
            {...warn('sex')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="male" label={t('persons.sex.male')} />
              <Radio value="female" label={t('persons.sex.female')} />
            </Group>
          </Radio.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Stack gap="xs">
              {v.birthDateUnknown ? (
                <NumberInput
                  label={t('persons.fields.birthYearEstimate')}
                  aria-label={t('persons.fields.birthYearEstimate')}
                  description={
                    nikWarnings.birthYearEstimate ? undefined : t('persons.hints.birthYearEstimate')
                  }
                  required
                  min={1900}
                  max={Number(today.slice(0, 4))}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  {...form.getInputProps('birthYearEstimate')}
                  {...warn('birthYearEstimate')}
                />
              ) : (
                <TextInput
                  type="date"
                  label={t('persons.fields.birthDate')}
                  aria-label={t('persons.fields.birthDate')}
                  required
                  max={today}
                  min="1900-01-01"
                  {...form.getInputProps('birthDate')}
                  {...warn('birthDate')}
                />
              )}
              <Switch
                label={t('persons.fields.birthDateUnknown')}
                {...form.getInputProps('birthDateUnknown', { type: 'checkbox' })}
              />
            </Stack>
            <TextInput
              label={t('persons.fields.birthPlace')}
              maxLength={100}
              autoComplete="off"
              {...form.getInputProps('birthPlace')}
            />
          </SimpleGrid>
        </Section>

        <DuplicatePanel
          candidates={candidates}
          checking={duplicates.isFetching}
          failed={!!dupQuery && !!duplicates.error}
        />

        <Section title={t('persons.sections.address')}>
          <RegionPicker
            label={t('persons.fields.region')}
            value={v.regionCode || null}
            onChange={(code) => form.setFieldValue('regionCode', code ?? '')}
            required
            minLevel="village"
            error={form.errors.regionCode}
          />
          <SimpleGrid cols={{ base: 2 }} spacing="sm">
            <TextInput
              label={t('persons.fields.rt')}
              inputMode="numeric"
              maxLength={3}
              autoComplete="off"
              {...form.getInputProps('rt')}
            />
            <TextInput
              label={t('persons.fields.rw')}
              inputMode="numeric"
              maxLength={3}
              autoComplete="off"
              {...form.getInputProps('rw')}
            />
          </SimpleGrid>
          <Textarea
            label={t('persons.fields.street')}
            autosize
            minRows={2}
            maxLength={limits.addressMax}
            autoComplete="off"
            {...form.getInputProps('street')}
          />
        </Section>

        <Section title={t('persons.sections.contact')}>
          <TextInput
            label={t('persons.fields.phone')}
            type="tel"
            autoComplete="off"
            maxLength={20}
            {...form.getInputProps('phone')}
          />
        </Section>

        <Section title={t('persons.sections.disability')}>
          <Checkbox.Group
            label={t('persons.fields.disabilityTypes')}
            description={t('persons.hints.disabilityNone')}
            {...form.getInputProps('disabilityTypes')}
            onChange={(value) => form.setFieldValue('disabilityTypes', value as DisabilityType[])}
          >
            <Group gap="md" mt={6}>
              {disabilityTypes.map((d) => (
                <Checkbox key={d} value={d} label={t(`persons.disability.${d}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Section>

        <Section title={t('persons.sections.dtks')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('persons.fields.dtksStatus')}
              data={options(dtksStatuses, 'persons.dtks', false)}
              {...form.getInputProps('dtksStatus')}
              onChange={(e) => form.setFieldValue('dtksStatus', e.currentTarget.value as DtksStatus)}
            />
            {v.dtksStatus === 'registered' && (
              <NativeSelect
                label={t('persons.fields.dtksDecile')}
                data={[
                  { value: '', label: t('persons.choose') },
                  ...Array.from({ length: 10 }, (_, i) => ({ value: String(i + 1), label: String(i + 1) })),
                ]}
                {...form.getInputProps('dtksDecile')}
              />
            )}
          </SimpleGrid>
        </Section>

        <Section title={t('persons.sections.legal')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('persons.fields.legalBasis')}
              aria-label={t('persons.fields.legalBasis')}
              required
              data={options(legalBases, 'persons.legalBasis')}
              {...form.getInputProps('legalBasis')}
              onChange={(e) => form.setFieldValue('legalBasis', e.currentTarget.value as LegalBasis | '')}
            />
            <NativeSelect
              label={t('persons.fields.consentBy')}
              aria-label={t('persons.fields.consentBy')}
              required={v.legalBasis === 'consent'}
              data={options(consentGivers, 'persons.consentBy')}
              {...form.getInputProps('consentBy')}
              onChange={(e) => form.setFieldValue('consentBy', e.currentTarget.value as ConsentGiver | '')}
            />
          </SimpleGrid>
          {guardian && (
            <TextInput
              label={t('persons.fields.consentGuardianName')}
              aria-label={t('persons.fields.consentGuardianName')}
              required
              maxLength={limits.nameMax}
              autoComplete="off"
              {...form.getInputProps('consentGuardianName')}
            />
          )}
        </Section>

        {conflict && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={<WarningTitle>{t('persons.conflictTitle')}</WarningTitle>}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              {t('persons.conflict')}
              <Button
                size="xs"
                color={warningColor}
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={reloading}
                onClick={() => void reload()}
              >
                {t('persons.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {existing && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{existing.message}</Text>
              {existing.id && !existing.elsewhere && (
                <AnchorLink to="/penerima-manfaat/$id" params={{ id: existing.id }} fw={600}>
                  {t('persons.nikExistsOpen')}
                </AnchorLink>
              )}
              {existing.id && existing.elsewhere && props.mode === 'create' && props.onServeElsewhere && (
                <Button
                  size="xs"
                  onClick={() =>
                    props.onServeElsewhere?.(existing.id!, {
                      nik: v.nikUnknown ? null : v.nik.trim() || null,
                      fullName: v.fullName.trim(),
                      regionCode: v.regionCode || null,
                    })
                  }
                >
                  {t('persons.serveElsewhere')}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {(hasWarnings || v.nikWarningsConfirmed) && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={<WarningTitle>{t('persons.nikWarningsTitle')}</WarningTitle>}
            role={hasWarnings ? 'alert' : undefined}
          >
            <Stack gap="xs">
              {hasWarnings && (
                <>
                  <Text size="sm">{t('persons.nikWarningsBody')}</Text>
                  <ul style={{ margin: 0, paddingInlineStart: '1.25rem' }}>
                    {Object.entries(nikWarnings).map(([field, message]) => (
                      <li key={field}>
                        <Text size="sm">{message}</Text>
                      </li>
                    ))}
                  </ul>
                </>
              )}
              <Checkbox
                label={t('persons.fields.nikWarningsConfirmed')}
                {...form.getInputProps('nikWarningsConfirmed', { type: 'checkbox' })}
              />
            </Stack>
          </Alert>
        )}
        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {serverError}
          </Alert>
        )}
        <DuplicateReminder count={candidates.length} />

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy} disabled={reloading}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
