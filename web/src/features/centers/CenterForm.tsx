import {
  type CenterDetail,
  type CreateCenterInput,
  centerTypes,
  clusters,
  createCenterInput,
  facilities,
  limits,
  type UpdateCenterInput,
  updateCenterInput,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiRequestError, isApiError, isVersionConflict } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { errorMessage } from '../../components/PageStates';
import { RegionPicker } from '../../components/RegionPicker';
import { issuesToFormErrors } from '../../lib/validation';
import { CoveragePicker } from './CoveragePicker';
import {
  type CenterFormValues,
  centerListFields,
  centerToValues,
  emptyCenterValues,
  valuesToInput,
} from './centerFormValues';

/** Server field errors on their fields; errors about one field without `fields` go there too. */
const centerErrorsToForm = (error: ApiRequestError): Record<string, string> => {
  const errors = fieldErrorsToForm(error.fields, centerListFields);
  if (error.code === 'center.code_taken' && !errors.code) errors.code = error.message;
  if (error.code === 'center.region_unknown' && !errors.regionCode) errors.regionCode = error.message;
  return errors;
};

type Props =
  | {
      mode: 'create';
      initial?: undefined;
      onSubmit: (input: CreateCenterInput) => Promise<unknown>;
      onReload?: undefined;
      onCancel: () => void;
    }
  | {
      mode: 'edit';
      initial: CenterDetail;
      onSubmit: (input: UpdateCenterInput) => Promise<unknown>;
      /** Refetches the centre after a version conflict. */
      onReload: () => Promise<CenterDetail | undefined>;
      onCancel: () => void;
    };

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

/** Create and edit share this form; it validates with the domain schema before sending. */
export function CenterForm(props: Props) {
  const { t } = useTranslation();
  const [version, setVersion] = useState(props.initial?.version ?? 0);
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries((props.initial?.coverage ?? []).map((r) => [r.code, r.name])),
  );
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);

  const parse = (values: CenterFormValues) => {
    const input = valuesToInput(values);
    return props.mode === 'edit'
      ? { input, result: updateCenterInput.safeParse({ ...input, version }) }
      : { input, result: createCenterInput.safeParse(input) };
  };

  const form = useForm<CenterFormValues>({
    initialValues: props.initial ? centerToValues(props.initial) : emptyCenterValues(),
    validate: (values) => {
      const { input, result } = parse(values);
      return result.success ? {} : issuesToFormErrors(result.error.issues, input, t, centerListFields);
    },
  });

  const submit = form.onSubmit(
    async (values) => {
      const { result } = parse(values);
      if (!result.success) return;
      setServerError(null);
      setConflict(false);
      setBusy(true);
      try {
        if (props.mode === 'edit') await props.onSubmit(result.data as UpdateCenterInput);
        else await props.onSubmit(result.data as CreateCenterInput);
      } catch (error) {
        if (isVersionConflict(error)) {
          setConflict(true);
        } else {
          setServerError(errorMessage(error, t('errors.generic')));
          if (isApiError(error)) form.setErrors(centerErrorsToForm(error));
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
        const values = centerToValues(fresh);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
        form.clearErrors();
        setVersion(fresh.version);
        setNames(Object.fromEntries(fresh.coverage.map((r) => [r.code, r.name])));
      }
      setConflict(false);
      setServerError(null);
    } catch (error) {
      setServerError(errorMessage(error, t('errors.generic')));
    } finally {
      setReloading(false);
    }
  };

  const clusterOptions = clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('center.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              {t('center.conflict')}
              <Button
                size="xs"
                color="orange"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={reloading}
                onClick={() => void reload()}
              >
                {t('center.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {serverError}
          </Alert>
        )}

        <Section title={t('center.sections.identity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('center.fields.code')}
              description={t('center.hints.code')}
              required
              maxLength={limits.codeMax}
              autoCapitalize="characters"
              {...form.getInputProps('code')}
            />
            <Select
              label={t('center.fields.type')}
              required
              data={centerTypes.map((c) => ({ value: c, label: t(`centerType.${c}`) }))}
              {...form.getInputProps('type')}
              value={form.values.type || null}
              onChange={(v) => form.setFieldValue('type', (v ?? '') as CenterFormValues['type'])}
            />
          </SimpleGrid>
          <TextInput
            label={t('center.fields.name')}
            required
            maxLength={limits.nameMax}
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('center.fields.headName')}
            maxLength={limits.nameMax}
            {...form.getInputProps('headName')}
          />
        </Section>

        <Section title={t('center.sections.address')}>
          <Textarea
            label={t('center.fields.street')}
            autosize
            minRows={2}
            maxLength={limits.addressMax}
            {...form.getInputProps('street')}
          />
          <RegionPicker
            value={form.values.regionCode || null}
            onChange={(code) => form.setFieldValue('regionCode', code ?? '')}
            required
            error={form.errors.regionCode}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('center.fields.latitude')}
              description={t('center.hints.coordinates')}
              decimalScale={7}
              min={-11.5}
              max={6.5}
              hideControls
              {...form.getInputProps('latitude')}
            />
            <NumberInput
              label={t('center.fields.longitude')}
              description={t('center.hints.coordinates')}
              decimalScale={7}
              min={94}
              max={141.5}
              hideControls
              {...form.getInputProps('longitude')}
            />
            <TextInput
              label={t('center.fields.phone')}
              type="tel"
              autoComplete="off"
              maxLength={limits.phoneMax}
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('center.fields.email')}
              type="email"
              autoComplete="off"
              maxLength={limits.emailMax}
              {...form.getInputProps('email')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('center.sections.capacity')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NumberInput
              label={t('center.fields.bedCapacity')}
              required
              min={0}
              max={limits.bedsMax}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('bedCapacity')}
            />
            <NumberInput
              label={t('center.fields.occupiedBeds')}
              min={0}
              max={limits.bedsMax}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps('occupiedBeds')}
            />
          </SimpleGrid>
          <Checkbox.Group label={t('center.fields.facilities')} {...form.getInputProps('facilities')}>
            <Group gap="md" mt={6}>
              {facilities.map((f) => (
                <Checkbox key={f} value={f} label={t(`facility.${f}`)} />
              ))}
            </Group>
          </Checkbox.Group>
        </Section>

        <Section title={t('center.sections.services')}>
          <MultiSelect
            label={t('center.fields.serviceClusters')}
            description={t('center.hints.serviceClusters')}
            required
            data={clusterOptions}
            clearable
            {...form.getInputProps('serviceClusters')}
          />
          <MultiSelect
            label={t('center.fields.specialtyClusters')}
            description={t('center.hints.specialtyClusters')}
            data={clusterOptions}
            clearable
            {...form.getInputProps('specialtyClusters')}
          />
        </Section>

        <Section title={t('center.sections.coverage')}>
          <CoverageField form={form} names={names} setNames={setNames} />
        </Section>

        <Group justify="flex-end">
          <Button variant="default" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CoverageField({
  form,
  names,
  setNames,
}: {
  form: UseFormReturnType<CenterFormValues>;
  names: Record<string, string>;
  setNames: (n: Record<string, string>) => void;
}) {
  const error = form.errors.coverage;
  return (
    <CoveragePicker
      value={form.values.coverage}
      onChange={(codes) => form.setFieldValue('coverage', codes)}
      names={names}
      onNames={setNames}
      error={typeof error === 'string' ? error : undefined}
    />
  );
}
