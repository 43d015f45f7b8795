import {
  type AssessmentInput,
  assessmentInput,
  type Case,
  formatDate,
  formatRupiah,
  type PlanInput,
  planInput,
  providerKinds,
  riskLevels,
  type ServiceComponent,
  serviceComponents,
  serviceRecordInput,
} from '@atensi/domain';
import {
  ActionIcon,
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { notify } from '../../components/notify';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { endPlacement, recordService, saveAssessment, savePlan, startPlacement } from './api';
import { SaveError } from './CaseBadges';

type ProviderKind = (typeof providerKinds)[number];
type RiskLevel = (typeof riskLevels)[number];

type FormProps = { value: Case; canWork: boolean; onSaved: (c: Case) => void; onReload: () => void };

const today = () => new Date().toISOString().slice(0, 10);
const levels = [0, 1, 2, 3] as const;

/** Runs a save, mapping the server's `fields` to form errors and keeping any other failure. */
export function useSave(setErrors: (e: Record<string, string>) => void, collapse: readonly string[] = []) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (save: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await save();
    } catch (e) {
      if (isApiError(e) && e.fields.length > 0) setErrors(fieldErrorsToForm(e.fields, collapse));
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, reset: () => setError(null) };
}

export function AssessmentForm({ value, canWork, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const a = value.assessment;
  const [needs, setNeeds] = useState<Record<ServiceComponent, number>>(
    () =>
      Object.fromEntries(serviceComponents.map((c) => [c, a?.needs[c] ?? 0])) as Record<
        ServiceComponent,
        number
      >,
  );
  const [risk, setRisk] = useState<RiskLevel | ''>(a?.riskLevel ?? '');
  const [narrative, setNarrative] = useState(a?.narrative ?? '');
  const [assessedOn, setAssessedOn] = useState(a?.assessedOn ?? today());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const raw = { needs, riskLevel: risk || undefined, narrative, assessedOn };
    const parsed = assessmentInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await saveAssessment(value.id, parsed.data as AssessmentInput));
      notify({ color: 'green', message: t('cases.assessment.saved') });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {a?.assessorName && (
          <Text size="sm" c="dimmed">
            {t('cases.assessment.assessor', {
              name: a.assessorName,
              date: formatDate(a.assessedOn, 'WIB', lang),
            })}
          </Text>
        )}
        <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={!canWork}>
          <Text component="legend" fw={600} size="sm" mb="xs">
            {t('cases.assessment.needsLegend')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {serviceComponents.map((c) => (
              <NativeSelect
                key={c}
                label={t(`cases.component.${c}`)}
                data={levels.map((n) => ({ value: String(n), label: `${n} — ${t(`cases.need.${n}`)}` }))}
                value={String(needs[c])}
                onChange={(e) => {
                  const n = Number(e.currentTarget.value);
                  setNeeds((v) => ({ ...v, [c]: n }));
                }}
                error={errors[`needs.${c}`]}
              />
            ))}
          </SimpleGrid>
        </fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('cases.assessment.risk')}
            required
            disabled={!canWork}
            data={[
              { value: '', label: t('persons.choose') },
              ...riskLevels.map((r) => ({ value: r, label: t(`cases.risk.${r}`) })),
            ]}
            value={risk}
            onChange={(e) => setRisk(e.currentTarget.value as RiskLevel | '')}
            error={errors.riskLevel}
          />
          <TextInput
            type="date"
            label={t('cases.assessment.assessedOn')}
            required
            disabled={!canWork}
            value={assessedOn}
            onChange={(e) => setAssessedOn(e.currentTarget.value)}
            error={errors.assessedOn}
          />
        </SimpleGrid>
        <Textarea
          label={t('cases.assessment.narrative')}
          required
          disabled={!canWork}
          autosize
          minRows={4}
          maxLength={8000}
          value={narrative}
          onChange={(e) => setNarrative(e.currentTarget.value)}
          error={errors.narrative}
        />
        <SaveError error={save.error} onReload={onReload} />
        {canWork && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.busy}>
              {t('cases.assessment.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

type GoalRow = {
  key: number;
  component: ServiceComponent | '';
  goal: string;
  plannedServices: string;
  targetDate: string;
};

let goalKey = 0;
const emptyGoal = (): GoalRow => ({
  key: ++goalKey,
  component: '',
  goal: '',
  plannedServices: '',
  targetDate: '',
});

export function PlanForm({ value, canWork, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const [goals, setGoals] = useState<GoalRow[]>(() =>
    value.plan && value.plan.goals.length > 0
      ? value.plan.goals.map((g) => ({ ...g, key: ++goalKey }))
      : [emptyGoal()],
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const update = (index: number, patch: Partial<GoalRow>) =>
    setGoals((list) => list.map((g, i) => (i === index ? { ...g, ...patch } : g)));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const raw = {
      goals: goals.map(({ component, goal, plannedServices, targetDate }) => ({
        component: component || undefined,
        goal,
        plannedServices,
        targetDate,
      })),
    };
    const parsed = planInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await savePlan(value.id, parsed.data as PlanInput));
      notify({ color: 'green', message: t('cases.plan.saved') });
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        {goals.map((g, i) => (
          <Card key={g.key} withBorder p="sm" component="fieldset" disabled={!canWork}>
            <Group justify="space-between" mb="xs">
              <Text component="legend" fw={600} size="sm">
                {t('cases.plan.goalN', { n: i + 1 })}
              </Text>
              {canWork && goals.length > 1 && (
                <ActionIcon
                  variant="subtle"
                  color="red.8"
                  aria-label={t('cases.plan.removeGoal', { n: i + 1 })}
                  onClick={() => setGoals((list) => list.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              )}
            </Group>
            <Stack gap="xs">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('cases.plan.component')}
                  required
                  data={[
                    { value: '', label: t('persons.choose') },
                    ...serviceComponents.map((c) => ({ value: c, label: t(`cases.component.${c}`) })),
                  ]}
                  value={g.component}
                  onChange={(e) => update(i, { component: e.currentTarget.value as ServiceComponent | '' })}
                  error={errors[`goals.${i}.component`]}
                />
                <TextInput
                  type="date"
                  label={t('cases.plan.targetDate')}
                  required
                  value={g.targetDate}
                  onChange={(e) => update(i, { targetDate: e.currentTarget.value })}
                  error={errors[`goals.${i}.targetDate`]}
                />
              </SimpleGrid>
              <TextInput
                label={t('cases.plan.goal')}
                required
                maxLength={1000}
                value={g.goal}
                onChange={(e) => update(i, { goal: e.currentTarget.value })}
                error={errors[`goals.${i}.goal`]}
              />
              <Textarea
                label={t('cases.plan.plannedServices')}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={g.plannedServices}
                onChange={(e) => update(i, { plannedServices: e.currentTarget.value })}
                error={errors[`goals.${i}.plannedServices`]}
              />
            </Stack>
          </Card>
        ))}
        {errors.goals && (
          <Text size="sm" c="red.8" role="alert">
            {errors.goals}
          </Text>
        )}
        <SaveError error={save.error} onReload={onReload} />
        {canWork && (
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => setGoals((list) => [...list, emptyGoal()])}
              disabled={goals.length >= 30}
            >
              {t('cases.plan.addGoal')}
            </Button>
            <Button type="submit" loading={save.busy}>
              {t('cases.plan.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

type ServiceValues = {
  component: ServiceComponent | '';
  serviceType: string;
  deliveredOn: string;
  description: string;
  quantity: number | string;
  valueRupiah: number | string;
  providerKind: ProviderKind;
  providerName: string;
};

const emptyService = (): ServiceValues => ({
  component: '',
  serviceType: '',
  deliveredOn: today(),
  description: '',
  quantity: 1,
  valueRupiah: 0,
  providerKind: 'this_center',
  providerName: '',
});

export function ServicesSection({ value, canWork, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [v, setV] = useState<ServiceValues>(emptyService);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const set = <K extends keyof ServiceValues>(key: K, next: ServiceValues[K]) =>
    setV((old) => ({ ...old, [key]: next }));
  const rupiah =
    typeof v.valueRupiah === 'number' && Number.isSafeInteger(v.valueRupiah) ? v.valueRupiah : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const raw = {
      component: v.component || undefined,
      serviceType: v.serviceType,
      deliveredOn: v.deliveredOn,
      description: v.description,
      quantity: typeof v.quantity === 'number' ? v.quantity : undefined,
      valueRupiah: typeof v.valueRupiah === 'number' ? v.valueRupiah : undefined,
      providerKind: v.providerKind,
      providerName: v.providerName.trim() || null,
    };
    const parsed = serviceRecordInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await recordService(value.id, parsed.data));
      setV(emptyService());
      notify({ color: 'green', message: t('cases.service.saved') });
    });
  };

  return (
    <Stack gap="md">
      {value.services.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cases.service.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer
          minWidth={640}
          type="native"
          tabIndex={0}
          role="region"
          aria-label={t('cases.service.listLabel')}
        >
          <Table aria-label={t('cases.service.listLabel')} verticalSpacing="xs" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('cases.service.deliveredOn')}</Table.Th>
                <Table.Th scope="col">{t('cases.service.component')}</Table.Th>
                <Table.Th scope="col">{t('cases.service.serviceType')}</Table.Th>
                <Table.Th scope="col">{t('cases.service.quantity')}</Table.Th>
                <Table.Th scope="col">{t('cases.service.valueRupiah')}</Table.Th>
                <Table.Th scope="col">{t('cases.service.providerKind')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {value.services.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{formatDate(s.deliveredOn, 'WIB', lang)}</Table.Td>
                  <Table.Td>{t(`cases.component.${s.component}`)}</Table.Td>
                  <Table.Td>{s.serviceType}</Table.Td>
                  <Table.Td>{s.quantity}</Table.Td>
                  <Table.Td>{formatRupiah(s.valueRupiah)}</Table.Td>
                  <Table.Td>
                    {t(`cases.provider.${s.providerKind}`)}
                    {s.providerName ? ` — ${s.providerName}` : ''}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {canWork && (
        <Card withBorder component="section" aria-labelledby="case-service-form">
          <Title order={3} size="h5" mb="sm" id="case-service-form">
            {t('cases.service.formTitle')}
          </Title>
          <form onSubmit={onSubmit} noValidate>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('cases.service.component')}
                  required
                  data={[
                    { value: '', label: t('persons.choose') },
                    ...serviceComponents.map((c) => ({ value: c, label: t(`cases.component.${c}`) })),
                  ]}
                  value={v.component}
                  onChange={(e) => set('component', e.currentTarget.value as ServiceComponent | '')}
                  error={errors.component}
                />
                <TextInput
                  label={t('cases.service.serviceType')}
                  required
                  maxLength={200}
                  value={v.serviceType}
                  onChange={(e) => set('serviceType', e.currentTarget.value)}
                  error={errors.serviceType}
                />
                <TextInput
                  type="date"
                  label={t('cases.service.deliveredOn')}
                  required
                  value={v.deliveredOn}
                  onChange={(e) => set('deliveredOn', e.currentTarget.value)}
                  error={errors.deliveredOn}
                />
                <NumberInput
                  label={t('cases.service.quantity')}
                  required
                  min={1}
                  allowDecimal={false}
                  allowNegative={false}
                  value={v.quantity}
                  onChange={(n) => set('quantity', n)}
                  error={errors.quantity}
                />
                <NumberInput
                  label={t('cases.service.valueRupiah')}
                  description={t('cases.service.preview', {
                    value: rupiah === null ? t('common.none') : formatRupiah(rupiah),
                  })}
                  required
                  min={0}
                  allowDecimal={false}
                  allowNegative={false}
                  thousandSeparator="."
                  decimalSeparator=","
                  prefix="Rp"
                  value={v.valueRupiah}
                  onChange={(n) => set('valueRupiah', n)}
                  error={errors.valueRupiah}
                />
                <NativeSelect
                  label={t('cases.service.providerKind')}
                  required
                  data={providerKinds.map((p) => ({ value: p, label: t(`cases.provider.${p}`) }))}
                  value={v.providerKind}
                  onChange={(e) => set('providerKind', e.currentTarget.value as ProviderKind)}
                  error={errors.providerKind}
                />
              </SimpleGrid>
              {v.providerKind !== 'this_center' && (
                <TextInput
                  label={t('cases.service.providerName')}
                  maxLength={200}
                  value={v.providerName}
                  onChange={(e) => set('providerName', e.currentTarget.value)}
                  error={errors.providerName}
                />
              )}
              <Textarea
                label={t('cases.service.description')}
                required
                autosize
                minRows={2}
                maxLength={4000}
                value={v.description}
                onChange={(e) => set('description', e.currentTarget.value)}
                error={errors.description}
              />
              <SaveError error={save.error} onReload={onReload} />
              <Group justify="flex-end">
                <Button type="submit" loading={save.busy}>
                  {t('cases.service.add')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      )}
    </Stack>
  );
}

export function PlacementSection({ value, canWork, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);

  const place = () =>
    void save.run(async () => {
      onSaved(await startPlacement(value.id));
      notify({ color: 'green', message: t('cases.placement.placed') });
    });

  const end = (e: FormEvent) => {
    e.preventDefault();
    const clean = reason.trim();
    if (clean.length < 3) {
      setErrors({ reason: clean ? t('validation.minLength', { count: 3 }) : t('validation.required') });
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await endPlacement(value.id, clean));
      setReason('');
      notify({ color: 'green', message: t('cases.placement.ended') });
    });
  };

  return (
    <Stack gap="sm">
      {value.placement ? (
        <>
          <Text size="sm">
            {t('cases.placement.since', { date: formatDate(value.placement.startedAt, 'WIB', lang) })}
          </Text>
          {canWork && (
            <form onSubmit={end} noValidate>
              <Stack gap="sm">
                <Textarea
                  label={t('cases.placement.endReason')}
                  required
                  autosize
                  minRows={2}
                  maxLength={500}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value)}
                  error={errors.reason}
                />
                <Group justify="flex-end">
                  <Button type="submit" color="red.9" loading={save.busy}>
                    {t('cases.placement.end')}
                  </Button>
                </Group>
              </Stack>
            </form>
          )}
        </>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('cases.placement.none')}
          </Text>
          {canWork && (
            <Group>
              <Button onClick={place} loading={save.busy}>
                {t('cases.placement.place')}
              </Button>
            </Group>
          )}
        </>
      )}
      <SaveError error={save.error} onReload={onReload} />
    </Stack>
  );
}
