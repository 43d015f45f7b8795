import {
  accreditations,
  clusters,
  limits,
  type Partner,
  type PartnerInput,
  partnerInput,
  partnerKinds,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
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
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ApiRequestError, isApiError, isVersionConflict } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { useMe } from '../../api/me';
import { CenterSelect } from '../../components/CenterSelect';
import { errorMessage } from '../../components/PageStates';
import { RegionPicker } from '../../components/RegionPicker';
import { issuesToFormErrors } from '../../lib/validation';
import {
  emptyPartnerValues,
  headedCenters,
  isAdmin,
  type PartnerFormValues,
  partnerToValues,
  valuesToInput,
} from './partnerFormValues';

const listFields = ['services'] as const;

/** Server field errors on their fields (`partner.name` of an update is the form's `name`). */
const partnerErrorsToForm = (error: ApiRequestError): Record<string, string> => {
  const fields = error.fields.map((f) => ({ ...f, path: f.path.replace(/^partner\./, '') }));
  const errors = fieldErrorsToForm(fields, listFields);
  if (error.code === 'partner.region_unknown' && !errors.regionCode) errors.regionCode = error.message;
  return errors;
};

type Props = {
  initial?: Partner;
  onSubmit: (input: PartnerInput, version: number) => Promise<unknown>;
  /** Refetches the institution after a version conflict (edit only). */
  onReload?: () => Promise<Partner | undefined>;
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

/** Create and edit share this form; it validates with the domain's `partnerInput` before sending. */
export function PartnerForm({ initial, onSubmit, onReload, onCancel }: Props) {
  const { t } = useTranslation();
  const me = useMe();
  const admin = isAdmin(me);
  const heads = headedCenters(me);
  const [version, setVersion] = useState(initial?.version ?? 0);
  const [serverError, setServerError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [reloading, setReloading] = useState(false);

  const form = useForm<PartnerFormValues>({
    initialValues: initial
      ? partnerToValues(initial)
      : emptyPartnerValues(!admin && heads.length === 1 ? heads[0]!.id : ''),
    validate: (values) => {
      const input = valuesToInput(values);
      const result = partnerInput.safeParse(input);
      if (result.success) return {};
      const errors = issuesToFormErrors(result.error.issues, input, t, listFields);
      // The shared message for an empty centre speaks of roles; say it plainly here.
      if (errors.centerId && !values.centerId) errors.centerId = t('validation.required');
      return errors;
    },
  });

  const submit = form.onSubmit(
    async (values) => {
      const result = partnerInput.safeParse(valuesToInput(values));
      if (!result.success) return;
      setServerError(null);
      setConflict(false);
      setBusy(true);
      try {
        await onSubmit(result.data, version);
      } catch (error) {
        if (isVersionConflict(error)) {
          setConflict(true);
        } else {
          setServerError(errorMessage(error, t('errors.generic')));
          if (isApiError(error)) form.setErrors(partnerErrorsToForm(error));
        }
      } finally {
        setBusy(false);
      }
    },
    () => setServerError(t('errors.checkFields')),
  );

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      const fresh = await onReload();
      if (fresh) {
        const values = partnerToValues(fresh);
        form.setInitialValues(values);
        form.setValues(values);
        form.resetDirty(values);
        form.clearErrors();
        setVersion(fresh.version);
      }
      setConflict(false);
      setServerError(null);
    } catch (error) {
      setServerError(errorMessage(error, t('errors.generic')));
    } finally {
      setReloading(false);
    }
  };

  const headOptions = heads.map((c) => ({ value: c.id, label: c.name }));
  if (initial && !headOptions.some((o) => o.value === initial.centerId)) {
    headOptions.unshift({ value: initial.centerId, label: initial.centerName });
  }
  const accredited = form.values.accreditation !== 'none';

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {conflict && (
          <Alert
            color="orange"
            icon={<IconAlertTriangle aria-hidden />}
            title={t('partners.conflictTitle')}
            role="alert"
          >
            <Stack gap="xs" align="flex-start">
              {t('partners.conflict')}
              <Button
                size="xs"
                color="orange.9"
                leftSection={<IconRefresh size={14} aria-hidden />}
                loading={reloading}
                onClick={() => void reload()}
              >
                {t('partners.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        {serverError && (
          <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
            {serverError}
          </Alert>
        )}

        <Section title={t('partners.sections.identity')}>
          <TextInput
            label={t('partners.fields.name')}
            required
            maxLength={200}
            {...form.getInputProps('name')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('partners.fields.kind')}
              required
              data={partnerKinds.map((k) => ({ value: k, label: t(`partners.kind.${k}`) }))}
              {...form.getInputProps('kind')}
              value={form.values.kind || null}
              onChange={(v) => form.setFieldValue('kind', (v ?? '') as PartnerFormValues['kind'])}
            />
            {admin ? (
              <CenterSelect
                label={t('partners.fields.center')}
                description={t('partners.hints.center')}
                required
                initialLabel={initial?.centerName ?? null}
                value={form.values.centerId || null}
                onChange={(v) => form.setFieldValue('centerId', v ?? '')}
                error={form.errors.centerId}
              />
            ) : (
              <Select
                label={t('partners.fields.center')}
                description={t('partners.hints.center')}
                required
                data={headOptions}
                value={form.values.centerId || null}
                onChange={(v) => form.setFieldValue('centerId', v ?? '')}
                error={form.errors.centerId}
                allowDeselect={false}
              />
            )}
          </SimpleGrid>
        </Section>

        <Section title={t('partners.sections.address')}>
          <Textarea
            label={t('partners.fields.address')}
            autosize
            minRows={2}
            maxLength={limits.addressMax}
            {...form.getInputProps('address')}
          />
          <RegionPicker
            label={t('partners.fields.region')}
            value={form.values.regionCode || null}
            onChange={(code) => form.setFieldValue('regionCode', code ?? '')}
            required
            error={form.errors.regionCode}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              label={t('partners.fields.contactName')}
              maxLength={200}
              autoComplete="off"
              {...form.getInputProps('contactName')}
            />
            <TextInput
              label={t('partners.fields.phone')}
              type="tel"
              autoComplete="off"
              maxLength={20}
              {...form.getInputProps('phone')}
            />
            <TextInput
              label={t('partners.fields.email')}
              type="email"
              autoComplete="off"
              maxLength={limits.emailMax}
              {...form.getInputProps('email')}
            />
          </SimpleGrid>
        </Section>

        <Section title={t('partners.sections.services')}>
          <MultiSelect
            label={t('partners.fields.services')}
            description={t('partners.hints.services')}
            required
            data={clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) }))}
            clearable
            {...form.getInputProps('services')}
          />
          <NumberInput
            label={t('partners.fields.capacity')}
            description={t('partners.hints.capacity')}
            min={0}
            max={100_000}
            allowDecimal={false}
            allowNegative={false}
            {...form.getInputProps('capacity')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('partners.fields.accreditation')}
              required
              data={accreditations.map((a) => ({ value: a, label: t(`partners.accreditation.${a}`) }))}
              value={form.values.accreditation}
              onChange={(v) =>
                form.setFieldValue('accreditation', (v ?? 'none') as PartnerFormValues['accreditation'])
              }
              error={form.errors.accreditation}
              allowDeselect={false}
            />
            {accredited && (
              <TextInput
                type="date"
                label={t('partners.fields.accreditedUntil')}
                description={t('partners.hints.accreditedUntil')}
                required
                {...form.getInputProps('accreditedUntil')}
              />
            )}
          </SimpleGrid>
        </Section>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
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
