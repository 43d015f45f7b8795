import { type DisasterType, disasterInput, disasterTypes, limits } from '@atensi/domain';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  CloseButton,
  Fieldset,
  Group,
  Input,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/me';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RegionPicker } from '../../components/RegionPicker';
import { RequirePermission } from '../../components/RequirePermission';
import { centerQueryOptions } from '../centers/api';
import { createDisaster, disasterQueryOptions } from './api';
import { QuantityInput, SaveError, useFormSubmit } from './DisasterParts';
import { localToday, numberValue } from './format';

/**
 * "Catat bencana": the event, the regions it hit, and its post (posko), which becomes a site
 * warehouse. Central staff record any disaster for any balai; a centre head records one for
 * their own balai, inside its coverage (the server refuses, naming the field, any region
 * outside it).
 */
export function DisasterCreatePage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="logistics.disasters_record">
      <Stack gap="md">
        <Anchor component={Link} to="/bencana" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('disasters.back')}
          </Group>
        </Anchor>
        <DisasterForm />
      </Stack>
    </RequirePermission>
  );
}

type Values = {
  name: string;
  type: DisasterType | '';
  regionCodes: string[];
  startedOn: string;
  estimatedAffected: number | string;
  description: string;
  responsibleCenterId: string | null;
  siteName: string;
  siteRegionCode: string | null;
  siteLatitude: number | string;
  siteLongitude: number | string;
};

/** The balai a head records disasters for; empty for central staff, who choose any balai. */
const headedCenters = (me: ReturnType<typeof useMe>): { id: string; name: string }[] => {
  if (me.roles.some((r) => r.role === 'central')) return [];
  const seen = new Map<string, string>();
  for (const r of me.roles) {
    if (r.role === 'center_head' && r.centerId && !seen.has(r.centerId)) {
      seen.set(r.centerId, r.centerName ?? r.centerId);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
};

function DisasterForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const f = useFormSubmit(['regionCodes']);
  const chosenId = useId();
  const own = headedCenters(useMe());
  const [values, setValues] = useState<Values>({
    name: '',
    type: '',
    regionCodes: [],
    startedOn: localToday(),
    estimatedAffected: '',
    description: '',
    responsibleCenterId: own[0]?.id ?? null,
    siteName: '',
    siteRegionCode: null,
    siteLatitude: '',
    siteLongitude: '',
  });
  /** Names of the chosen regions, for their chips (the codes are what is sent). */
  const [names, setNames] = useState<Record<string, string>>({});
  /** A region chosen in the picker and not added yet. */
  const [pending, setPending] = useState<{ code: string; name: string } | null>(null);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    f.clear(key);
  };

  const withPending = (codes: string[]) =>
    pending && !codes.includes(pending.code) ? [...codes, pending.code] : codes;

  const addRegion = () => {
    if (!pending) return;
    setNames((n) => ({ ...n, [pending.code]: pending.name }));
    set('regionCodes', withPending(values.regionCodes));
    setPending(null);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    // A region chosen but not added yet is meant too.
    const regionCodes = withPending(values.regionCodes);
    if (pending) addRegion();
    const lat = numberValue(values.siteLatitude);
    const lng = numberValue(values.siteLongitude);
    const raw = {
      name: values.name,
      type: values.type || undefined,
      regionCodes,
      startedOn: values.startedOn,
      estimatedAffected: numberValue(values.estimatedAffected),
      description: values.description.trim() || null,
      responsibleCenterId: values.responsibleCenterId ?? undefined,
      siteName: values.siteName,
      siteRegionCode: values.siteRegionCode ?? undefined,
      siteLatitude: lat ?? null,
      siteLongitude: lng ?? null,
    };
    const extra: Record<string, string> = {};
    if ((lat === undefined) !== (lng === undefined)) {
      extra[lat === undefined ? 'siteLatitude' : 'siteLongitude'] = t('disasters.form.coordinatesBoth');
    }
    void f.submit(
      disasterInput,
      raw,
      async (input) => {
        const created = await createDisaster(input);
        queryClient.setQueryData(disasterQueryOptions(created.id).queryKey, created);
        void queryClient.invalidateQueries({ queryKey: ['logistics', 'disasters', 'list'] });
        void queryClient.invalidateQueries({ queryKey: ['logistics', 'warehouses'] });
        notify({ color: 'green', message: t('disasters.form.created') });
        await navigate({ to: '/bencana/$id', params: { id: created.id } });
      },
      extra,
    );
  };

  const hasErrors = Object.keys(f.errors).length > 0;
  /** A head's balai, for the coverage they may record in. */
  const headCenter = useQuery({
    ...centerQueryOptions(values.responsibleCenterId ?? ''),
    enabled: own.length > 0 && values.responsibleCenterId !== null,
  });

  return (
    <>
      <PageHeader title={t('disasters.form.title')} />
      <Text size="sm">{t('disasters.form.intro')}</Text>
      {headCenter.data && (
        <Alert color="blue" role="note">
          {t('disasters.form.headHint', {
            center: headCenter.data.name,
            coverage: headCenter.data.coverage.map((c) => c.name).join(', '),
          })}
        </Alert>
      )}
      <form ref={f.formRef} onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          <Card withBorder component="section" aria-labelledby="disaster-event-section">
            <Title order={2} size="h4" mb="sm" id="disaster-event-section">
              {t('disasters.form.sectionEvent')}
            </Title>
            <Stack gap="sm">
              <TextInput
                label={t('disasters.fields.name')}
                required
                maxLength={limits.nameMax}
                value={values.name}
                onChange={(e) => set('name', e.currentTarget.value)}
                error={f.errors.name}
              />
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NativeSelect
                  label={t('disasters.fields.type')}
                  required
                  data={[
                    { value: '', label: t('persons.choose') },
                    ...disasterTypes.map((d) => ({ value: d, label: t(`disasters.type.${d}`) })),
                  ]}
                  value={values.type}
                  onChange={(e) => set('type', e.currentTarget.value as DisasterType | '')}
                  error={f.errors.type}
                />
                <TextInput
                  type="date"
                  label={t('disasters.fields.startedOn')}
                  required
                  max={localToday()}
                  value={values.startedOn}
                  onChange={(e) => set('startedOn', e.currentTarget.value)}
                  error={f.errors.startedOn}
                />
                <QuantityInput
                  label={t('disasters.fields.estimatedAffected')}
                  required
                  min={0}
                  value={values.estimatedAffected}
                  onChange={(v) => set('estimatedAffected', v)}
                  error={f.errors.estimatedAffected}
                />
              </SimpleGrid>

              <Fieldset
                legend={t('disasters.fields.regions')}
                aria-describedby={`${chosenId}-hint`}
                styles={{ legend: { fontWeight: 600 } }}
              >
                <Stack gap="sm">
                  <Text size="sm" c="dimmed" id={`${chosenId}-hint`}>
                    {t('disasters.form.regionsHint')}
                  </Text>
                  <RegionPicker
                    label={t('disasters.form.regionPicker')}
                    value={pending?.code ?? null}
                    onChange={(code, region) =>
                      setPending(code && region ? { code, name: region.name } : null)
                    }
                  />
                  <Group>
                    <Button
                      variant="light"
                      size="xs"
                      leftSection={<IconPlus size={14} aria-hidden />}
                      onClick={addRegion}
                      disabled={!pending}
                    >
                      {t('disasters.form.addRegion')}
                    </Button>
                  </Group>
                  <Input.Wrapper
                    label={t('disasters.form.regionsChosen')}
                    labelElement="div"
                    id={chosenId}
                    required
                    error={f.errors.regionCodes}
                    errorProps={{ role: 'alert' }}
                  >
                    {values.regionCodes.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {t('disasters.form.regionsEmpty')}
                      </Text>
                    ) : (
                      <Group
                        gap={6}
                        mt={4}
                        component="ul"
                        aria-label={t('disasters.form.regionsChosen')}
                        style={{ listStyle: 'none', padding: 0, margin: 0 }}
                      >
                        {values.regionCodes.map((code) => (
                          <li key={code}>
                            <Badge
                              variant="light"
                              size="lg"
                              tt="none"
                              maw="100%"
                              rightSection={
                                <CloseButton
                                  size="xs"
                                  aria-label={t('common.removeItem', { name: names[code] ?? code })}
                                  onClick={() =>
                                    set(
                                      'regionCodes',
                                      values.regionCodes.filter((c) => c !== code),
                                    )
                                  }
                                />
                              }
                            >
                              {names[code] ?? code}
                            </Badge>
                          </li>
                        ))}
                      </Group>
                    )}
                  </Input.Wrapper>
                </Stack>
              </Fieldset>

              <Textarea
                label={t('disasters.fields.description')}
                autosize
                minRows={2}
                maxRows={8}
                maxLength={2000}
                value={values.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                error={f.errors.description}
              />
            </Stack>
          </Card>

          <Card withBorder component="section" aria-labelledby="disaster-post-section">
            <Title order={2} size="h4" mb="sm" id="disaster-post-section">
              {t('disasters.form.sectionPost')}
            </Title>
            <Stack gap="sm">
              {own.length > 0 ? (
                <NativeSelect
                  label={t('disasters.fields.center')}
                  required
                  data={own.map((c) => ({ value: c.id, label: c.name }))}
                  value={values.responsibleCenterId ?? ''}
                  onChange={(e) => set('responsibleCenterId', e.currentTarget.value)}
                  error={f.errors.responsibleCenterId}
                />
              ) : (
                <CenterSelect
                  label={t('disasters.fields.center')}
                  required
                  value={values.responsibleCenterId}
                  onChange={(id) => set('responsibleCenterId', id)}
                  error={f.errors.responsibleCenterId}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
              <TextInput
                label={t('disasters.fields.siteName')}
                required
                maxLength={limits.nameMax}
                value={values.siteName}
                onChange={(e) => set('siteName', e.currentTarget.value)}
                error={f.errors.siteName}
              />
              <RegionPicker
                label={t('disasters.fields.siteRegion')}
                value={values.siteRegionCode}
                onChange={(code) => set('siteRegionCode', code)}
                required
                error={f.errors.siteRegionCode}
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <NumberInput
                  label={t('disasters.fields.latitude')}
                  description={t('disasters.form.coordinatesHint')}
                  min={-90}
                  max={90}
                  decimalScale={6}
                  hideControls
                  inputMode="decimal"
                  value={values.siteLatitude}
                  onChange={(v) => {
                    set('siteLatitude', v);
                    f.clear('siteLongitude');
                  }}
                  error={f.errors.siteLatitude}
                />
                <NumberInput
                  label={t('disasters.fields.longitude')}
                  description={t('disasters.form.coordinatesHint')}
                  min={-180}
                  max={180}
                  decimalScale={6}
                  hideControls
                  inputMode="decimal"
                  value={values.siteLongitude}
                  onChange={(v) => {
                    set('siteLongitude', v);
                    f.clear('siteLatitude');
                  }}
                  error={f.errors.siteLongitude}
                />
              </SimpleGrid>
            </Stack>
          </Card>

          {hasErrors && f.error === null && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('errors.checkFields')}
            </Alert>
          )}
          <SaveError error={f.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate({ to: '/bencana' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={f.busy}>
              {t('disasters.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
