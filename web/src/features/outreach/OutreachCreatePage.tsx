import { type Cluster, clusters, levelOfCode, outreachInput, type Urgency, urgencies } from '@atensi/domain';
import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Card,
  Fieldset,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { useMe } from '../../api/me';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { RegionPicker } from '../../components/RegionPicker';
import { RequirePermission } from '../../components/RequirePermission';
import { issuesToFormErrors } from '../../lib/validation';
import { caseWorkersQueryOptions } from '../cases/api';
import { WorkerSelect } from '../cases/WorkerSelect';
import { recordRun, runQueryOptions } from './api';
import { localToday, outreachCenters, SaveError } from './OutreachParts';
import { emptyPerson, type PersonRow, type RunValues, runRaw, withoutPeopleErrors } from './outreachForm';

/** "Catat penjangkauan": the run and the people found, each registered quickly with a case opened. */
export function OutreachCreatePage() {
  const { t } = useTranslation();
  return (
    <RequirePermission permission="outreach.record">
      <Stack gap="md">
        <Anchor component={Link} to="/penjangkauan" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('outreach.form.back')}
          </Group>
        </Anchor>
        <RunForm />
      </Stack>
    </RequirePermission>
  );
}

function RunForm() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const mine = outreachCenters(me);
  const nextKey = useRef(1);
  const [values, setValues] = useState<RunValues>({
    centerId: mine[0]?.id ?? '',
    team: '',
    date: localToday(),
    place: '',
    regionCode: '',
    notes: '',
    assignedWorkerId: '',
    people: [emptyPerson(0)],
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const workers = useQuery(caseWorkersQueryOptions(values.centerId || null));

  const dropError = (path: string) =>
    setErrors((e) => {
      if (!(path in e)) return e;
      const { [path]: _, ...rest } = e;
      return rest;
    });
  const set = <K extends Exclude<keyof RunValues, 'people'>>(key: K, value: RunValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    dropError(key);
  };
  const setPerson = <K extends Exclude<keyof PersonRow, 'key'>>(
    index: number,
    key: K,
    value: PersonRow[K],
  ) => {
    setValues((v) => ({ ...v, people: v.people.map((p, i) => (i === index ? { ...p, [key]: value } : p)) }));
    dropError(`people.${index}.${key}`);
  };
  const addPerson = () => {
    const key = nextKey.current++;
    setValues((v) => ({ ...v, people: [...v.people, emptyPerson(key)] }));
    // Focus the new row's first field once it is drawn.
    requestAnimationFrame(() => document.getElementById(`outreach-person-${key}-name`)?.focus());
  };
  const removePerson = (index: number) => {
    setValues((v) => ({ ...v, people: v.people.filter((_, i) => i !== index) }));
    setErrors(withoutPeopleErrors);
  };

  /** The chosen worker while they are at the chosen centre; else the user, when they take cases there. */
  const workerList = workers.data ?? [];
  const assignedWorkerId = workerList.some((w) => w.id === values.assignedWorkerId)
    ? values.assignedWorkerId
    : workerList.some((w) => w.id === me.id)
      ? me.id
      : '';
  const noWorkers = workers.isSuccess && workerList.length === 0;

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      formRef.current
        ?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')
        ?.focus(),
    );

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const raw = runRaw({ ...values, assignedWorkerId });
    const parsed = outreachInput.safeParse(raw);
    const villageMissing = values.regionCode !== '' && levelOfCode(values.regionCode) !== 'village';
    if (!parsed.success || villageMissing) {
      setErrors({
        ...(villageMissing ? { regionCode: t('outreach.villageRequired') } : {}),
        ...(parsed.success ? {} : issuesToFormErrors(parsed.error.issues, raw, t, [])),
      });
      focusFirstError();
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const created = await recordRun(parsed.data);
      queryClient.setQueryData(runQueryOptions(created.id).queryKey, created);
      void queryClient.invalidateQueries({ queryKey: ['outreach', 'runs'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['centers', 'case-workers'] });
      notify({ color: 'green', message: t('outreach.form.created', { count: created.people.length }) });
      await navigate({ to: '/penjangkauan/$id', params: { id: created.id } });
    } catch (error) {
      if (isApiError(error) && error.fields.length > 0) {
        setErrors(fieldErrorsToForm(error.fields));
        focusFirstError();
      }
      setServerError(error);
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = Object.keys(errors).length > 0;

  return (
    <>
      <PageHeader title={t('outreach.form.title')} />
      <Text size="sm">{t('outreach.form.intro')}</Text>
      <form ref={formRef} onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          <Card withBorder component="section" aria-labelledby="outreach-run-section">
            <Title order={2} size="h4" mb="sm" id="outreach-run-section">
              {t('outreach.form.sectionRun')}
            </Title>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                {mine.length > 0 ? (
                  <NativeSelect
                    label={t('outreach.form.center')}
                    required
                    data={mine.map((c) => ({ value: c.id, label: c.name }))}
                    value={values.centerId}
                    onChange={(e) => {
                      set('centerId', e.currentTarget.value);
                      set('assignedWorkerId', '');
                    }}
                    error={errors.centerId}
                  />
                ) : (
                  <CenterSelect
                    label={t('outreach.form.center')}
                    required
                    value={values.centerId || null}
                    onChange={(id) => {
                      set('centerId', id ?? '');
                      set('assignedWorkerId', '');
                    }}
                    error={errors.centerId}
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
                <TextInput
                  type="date"
                  label={t('outreach.form.date')}
                  required
                  max={localToday()}
                  value={values.date}
                  onChange={(e) => set('date', e.currentTarget.value)}
                  error={errors.date}
                />
              </SimpleGrid>
              <TextInput
                label={t('outreach.form.team')}
                description={t('outreach.form.teamHint')}
                required
                maxLength={500}
                value={values.team}
                onChange={(e) => set('team', e.currentTarget.value)}
                error={errors.team}
              />
              <TextInput
                label={t('outreach.form.place')}
                description={t('outreach.form.placeHint')}
                required
                maxLength={300}
                value={values.place}
                onChange={(e) => set('place', e.currentTarget.value)}
                error={errors.place}
              />
              <RegionPicker
                label={t('outreach.form.region')}
                value={values.regionCode || null}
                onChange={(code) => set('regionCode', code ?? '')}
                required
                minLevel="village"
                error={errors.regionCode}
              />
              <Textarea
                label={t('outreach.form.notes')}
                autosize
                minRows={2}
                maxLength={2000}
                value={values.notes}
                onChange={(e) => set('notes', e.currentTarget.value)}
                error={errors.notes}
              />
              {noWorkers ? (
                <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
                  {t('outreach.form.noWorker')}
                </Alert>
              ) : (
                <WorkerSelect
                  label={t('outreach.form.worker')}
                  description={t('outreach.form.workerHint')}
                  required
                  centerId={values.centerId || null}
                  value={assignedWorkerId || null}
                  onChange={(v) => set('assignedWorkerId', v ?? '')}
                  error={errors.assignedWorkerId}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            </Stack>
          </Card>

          <Card withBorder component="section" aria-labelledby="outreach-people-section">
            <Title order={2} size="h4" mb="sm" id="outreach-people-section">
              {t('outreach.form.sectionPeople')}
            </Title>
            <Stack gap="md">
              {errors.people && (
                <Text c="red.8" size="sm" role="alert">
                  {errors.people}
                </Text>
              )}
              {values.people.map((p, i) => (
                <PersonFields
                  key={p.key}
                  row={p}
                  index={i}
                  errors={errors}
                  removable={values.people.length > 1}
                  onChange={(key, value) => setPerson(i, key, value)}
                  onRemove={() => removePerson(i)}
                />
              ))}
              <Group>
                <Button
                  variant="default"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={addPerson}
                  disabled={values.people.length >= 100}
                >
                  {t('outreach.form.addPerson')}
                </Button>
              </Group>
            </Stack>
          </Card>

          {hasErrors && serverError === null && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {t('errors.checkFields')}
            </Alert>
          )}
          <SaveError error={serverError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => void navigate({ to: '/penjangkauan' })}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={workers.isPending || noWorkers}>
              {t('outreach.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

function PersonFields({
  row,
  index,
  errors,
  removable,
  onChange,
  onRemove,
}: {
  row: PersonRow;
  index: number;
  errors: Record<string, string>;
  removable: boolean;
  onChange: <K extends Exclude<keyof PersonRow, 'key'>>(key: K, value: PersonRow[K]) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const n = index + 1;
  const err = (field: string) => errors[`people.${index}.${field}`];
  return (
    <Fieldset
      legend={t('outreach.form.person', { n })}
      radius="sm"
      styles={{ legend: { fontWeight: 700 } }}
      data-testid={`outreach-person-${n}`}
    >
      <Stack gap="sm">
        <Group align="flex-start" gap="xs" wrap="nowrap">
          <TextInput
            id={`outreach-person-${row.key}-name`}
            label={t('outreach.form.fullName')}
            description={t('outreach.form.fullNameHint')}
            required
            maxLength={200}
            value={row.fullName}
            onChange={(e) => onChange('fullName', e.currentTarget.value)}
            error={err('fullName')}
            style={{ flex: 1 }}
          />
          {removable && (
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              mt={24}
              onClick={onRemove}
              aria-label={t('outreach.form.removePerson', { n })}
              title={t('outreach.form.removePerson', { n })}
            >
              <IconTrash size={18} aria-hidden />
            </ActionIcon>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <Radio.Group
            label={t('outreach.form.sex')}
            required
            value={row.sex}
            onChange={(value) => onChange('sex', value as 'male' | 'female')}
            error={err('sex')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="male" label={t('persons.sex.male')} />
              <Radio value="female" label={t('persons.sex.female')} />
            </Group>
          </Radio.Group>
          <NumberInput
            label={t('outreach.form.birthYear')}
            required
            min={1900}
            max={new Date().getFullYear()}
            allowDecimal={false}
            allowNegative={false}
            hideControls
            inputMode="numeric"
            value={row.birthYearEstimate}
            onChange={(value) => onChange('birthYearEstimate', value)}
            error={err('birthYearEstimate')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <MultiSelect
            label={t('outreach.form.clusters')}
            required
            data={clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) }))}
            value={row.clusters}
            onChange={(value) => onChange('clusters', value as Cluster[])}
            error={err('clusters')}
            comboboxProps={{ withinPortal: true }}
            searchable
            hidePickedOptions
            nothingFoundMessage={t('common.noResults')}
          />
          <NativeSelect
            label={t('outreach.form.urgency')}
            required
            data={urgencies.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) }))}
            value={row.urgency}
            onChange={(e) => onChange('urgency', e.currentTarget.value as Urgency)}
            error={err('urgency')}
          />
        </SimpleGrid>
        <Textarea
          label={t('outreach.form.problem')}
          required
          autosize
          minRows={2}
          maxRows={8}
          maxLength={2000}
          value={row.problem}
          onChange={(e) => onChange('problem', e.currentTarget.value)}
          error={err('problem')}
        />
      </Stack>
    </Fieldset>
  );
}
