import {
  type Cluster,
  clusters,
  createCaseInput,
  type IntakeChannel,
  intakeChannels,
  type Modality,
  modalities,
  type Person,
  type Urgency,
  urgencies,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldErrorsToForm } from '../../api/fieldErrors';
import { can, useMe } from '../../api/me';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { issuesToFormErrors } from '../../lib/validation';
import { AnchorLink } from '../persons/AnchorLink';
import { personQueryOptions } from '../persons/api';
import { registeringCenters } from '../persons/personFormValues';
import { caseQueryOptions, caseWorkersQueryOptions, createCase, recommendationsQueryOptions } from './api';
import { RecommendationList } from './RecommendationList';
import { servedElsewhereTyped } from './serveElsewhere';
import { WorkerSelect } from './WorkerSelect';

const route = getRouteApi('/app/penerima-manfaat/$id/kasus-baru');

export function CaseCreatePage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const person = useQuery(personQueryOptions(id));
  // Not found: registered at a balai the user does not see. The case may still be opened here,
  // with proof of identity (decision 0017); a wrong id gets "person unknown" on submit.
  const elsewhere = isApiError(person.error) && person.error.status === 404;
  return (
    <RequirePermission permission="case.create">
      <Stack gap="md">
        {elsewhere ? (
          <AnchorLink to="/penerima-manfaat" size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} aria-hidden />
              {t('nav.persons')}
            </Group>
          </AnchorLink>
        ) : (
          <AnchorLink to="/penerima-manfaat/$id" params={{ id }} size="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} aria-hidden />
              {t('cases.create.backToPerson')}
            </Group>
          </AnchorLink>
        )}
        {elsewhere ? (
          <CaseCreateForm personId={id} person={null} />
        ) : (
          <QueryState query={person} rows={8}>
            {(p) => <CaseCreateForm personId={id} person={p} />}
          </QueryState>
        )}
      </Stack>
    </RequirePermission>
  );
}

type ProofKind = 'nik' | 'kkNumber';

type Values = {
  clusters: Cluster[];
  childSpecialProtection: boolean;
  intakeChannel: IntakeChannel | '';
  intakeReference: string;
  problem: string;
  urgency: Urgency | '';
  modality: Modality;
  centerId: string;
  assignedWorkerId: string;
  overrideReason: string;
  proofKind: ProofKind;
  proofNumber: string;
};

/**
 * `person` is null for a person registered at a balai the user does not see: the page then
 * asks for proof of identity and greets them with what the worker typed at registration.
 */
function CaseCreateForm({ personId, person }: { personId: string; person: Person | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const centers = registeringCenters(me);
  const [typed] = useState(() => (person ? null : servedElsewhereTyped(queryClient, personId)));
  const displayName = person?.fullName ?? typed?.fullName ?? null;
  const regionCode = person?.regionCode ?? typed?.regionCode ?? '';
  // Asked for when the user cannot see the person, or when the server asks (a centre that does not see them).
  const [proofAsked, setProofAsked] = useState(person === null);
  const [values, setValues] = useState<Values>({
    clusters: [],
    childSpecialProtection: false,
    intakeChannel: '',
    intakeReference: '',
    problem: '',
    urgency: '',
    modality: 'family',
    centerId: centers[0]?.id ?? '',
    assignedWorkerId: '',
    overrideReason: '',
    proofKind: 'nik',
    proofNumber: typed?.nik ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const recommendations = useQuery(recommendationsQueryOptions(regionCode, values.modality));
  const first = recommendations.data?.items[0] ?? null;
  const workers = useQuery(caseWorkersQueryOptions(values.centerId || null));

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      if (!(key in e)) return e;
      const { [key]: _, ...rest } = e;
      return rest;
    });
  };

  /** The chosen worker while they are at the chosen centre; else the user, when they can take cases there. */
  const workerList = workers.data ?? [];
  const assignedWorkerId = workerList.some((w) => w.id === values.assignedWorkerId)
    ? values.assignedWorkerId
    : workerList.some((w) => w.id === me.id)
      ? me.id
      : '';
  const noWorkers = workers.isSuccess && workerList.length === 0;
  const needsOverride = !!first && !!values.centerId && first.centerId !== values.centerId;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setServerError(null);
    const raw = {
      personId,
      identityProof: proofAsked ? { [values.proofKind]: values.proofNumber.trim() } : null,
      centerId: values.centerId,
      clusters: values.clusters,
      childSpecialProtection: values.childSpecialProtection,
      intakeChannel: values.intakeChannel || undefined,
      intakeReference: values.intakeReference.trim() || null,
      problem: values.problem,
      urgency: values.urgency || undefined,
      modality: values.modality,
      assignedWorkerId,
      recommendedCenterId: first?.centerId ?? null,
      overrideReason: needsOverride ? values.overrideReason.trim() || null : null,
    };
    const parsed = createCaseInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t, ['clusters']));
      return;
    }
    setBusy(true);
    try {
      const created = await createCase(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      // Served here now: the person's record opens for this centre.
      if (proofAsked)
        await queryClient.invalidateQueries({ queryKey: personQueryOptions(personId).queryKey });
      void queryClient.invalidateQueries({ queryKey: ['centers', 'case-workers', created.centerId] });
      // A desk officer, or a worker who gave the case to a colleague, does not see it afterwards.
      const seesCase =
        can(me, 'case.read') &&
        (created.assignedWorkerId === me.id ||
          me.roles.some((r) => r.role === 'center_head' && r.centerId === created.centerId));
      if (seesCase) {
        queryClient.setQueryData(caseQueryOptions(created.id).queryKey, created);
        notify({ color: 'green', message: t('cases.create.created') });
        await navigate({ to: '/kasus/$id', params: { id: created.id } });
      } else {
        notify({
          color: 'green',
          message: t('cases.create.createdFor', {
            number: created.number,
            name: created.assignedWorkerName ?? '',
          }),
        });
        await navigate({ to: '/penerima-manfaat/$id', params: { id: personId } });
      }
    } catch (error) {
      if (isApiError(error) && error.code === 'case.identity_proof_required') setProofAsked(true);
      if (isApiError(error) && error.fields.length > 0) {
        setErrors(fieldErrorsToForm(error.fields, ['clusters']));
      }
      setServerError(error);
    } finally {
      setBusy(false);
    }
  };

  if (centers.length === 0) {
    return (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} role="alert">
        {t('cases.create.noCenter')}
      </Alert>
    );
  }

  return (
    <>
      <PageHeader title={t('cases.create.title')} />
      <Text>
        {displayName ? t('cases.create.for', { name: displayName }) : t('cases.create.elsewhere.unnamed')}
      </Text>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="md">
          {proofAsked && (
            <IdentityProofSection
              kind={values.proofKind}
              number={values.proofNumber}
              error={
                errors[`identityProof.${values.proofKind}`] ??
                errors['identityProof.nik'] ??
                errors.identityProof
              }
              onKind={(kind) => set('proofKind', kind)}
              onNumber={(n) => set('proofNumber', n)}
            />
          )}
          <Card withBorder component="section">
            <Title order={2} size="h4" mb="sm">
              {t('cases.create.sectionIntake')}
            </Title>
            <Stack gap="sm">
              <Checkbox.Group
                label={t('cases.fields.clusters')}
                withAsterisk
                value={values.clusters}
                onChange={(v) => set('clusters', v as Cluster[])}
                error={errors.clusters}
              >
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt="xs">
                  {clusters.map((c) => (
                    <Checkbox key={c} value={c} label={t(`cluster.${c}`)} />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Switch
                label={t('cases.fields.childSpecialProtection')}
                description={t('cases.create.sensitiveHint')}
                checked={values.childSpecialProtection}
                onChange={(e) => set('childSpecialProtection', e.currentTarget.checked)}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('cases.fields.intakeChannel')}
                  required
                  data={[
                    { value: '', label: t('persons.choose') },
                    ...intakeChannels.map((c) => ({ value: c, label: t(`cases.intakeChannel.${c}`) })),
                  ]}
                  value={values.intakeChannel}
                  onChange={(e) => set('intakeChannel', e.currentTarget.value as IntakeChannel | '')}
                  error={errors.intakeChannel}
                />
                <TextInput
                  label={t('cases.fields.intakeReference')}
                  description={t('cases.create.intakeReferenceHint')}
                  value={values.intakeReference}
                  onChange={(e) => set('intakeReference', e.currentTarget.value)}
                  maxLength={100}
                  error={errors.intakeReference}
                />
              </SimpleGrid>
              <Textarea
                label={t('cases.fields.problem')}
                required
                autosize
                minRows={3}
                maxLength={4000}
                value={values.problem}
                onChange={(e) => set('problem', e.currentTarget.value)}
                error={errors.problem}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <NativeSelect
                  label={t('cases.fields.urgency')}
                  required
                  data={[
                    { value: '', label: t('persons.choose') },
                    ...urgencies.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) })),
                  ]}
                  value={values.urgency}
                  onChange={(e) => set('urgency', e.currentTarget.value as Urgency | '')}
                  error={errors.urgency}
                />
                <NativeSelect
                  label={t('cases.fields.modality')}
                  required
                  data={modalities.map((m) => ({ value: m, label: t(`cases.modality.${m}`) }))}
                  value={values.modality}
                  onChange={(e) => set('modality', e.currentTarget.value as Modality)}
                  error={errors.modality}
                />
              </SimpleGrid>
            </Stack>
          </Card>

          <RecommendationList query={recommendations} hasRegion={!!regionCode} chosenId={values.centerId} />

          <Card withBorder component="section">
            <Title order={2} size="h4" mb="sm">
              {t('cases.create.sectionAssignment')}
            </Title>
            <Stack gap="sm">
              <NativeSelect
                label={t('cases.fields.center')}
                required
                data={centers.map((c) => ({ value: c.id, label: c.name }))}
                value={values.centerId}
                onChange={(e) => {
                  set('centerId', e.currentTarget.value);
                  set('assignedWorkerId', '');
                }}
                error={errors.centerId}
              />
              {needsOverride && (
                <Textarea
                  label={t('cases.fields.overrideReason')}
                  description={t('cases.create.overrideHint', { name: first?.centerName ?? '' })}
                  required
                  autosize
                  minRows={2}
                  maxLength={1000}
                  value={values.overrideReason}
                  onChange={(e) => set('overrideReason', e.currentTarget.value)}
                  error={errors.overrideReason}
                />
              )}
              {noWorkers ? (
                <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
                  {t('cases.create.noWorker')}
                </Alert>
              ) : (
                <WorkerSelect
                  label={t('cases.fields.assignedWorker')}
                  description={t('cases.create.workerHint')}
                  required
                  centerId={values.centerId || null}
                  value={assignedWorkerId || null}
                  onChange={(v) => set('assignedWorkerId', v ?? '')}
                  error={errors.assignedWorkerId}
                />
              )}
            </Stack>
          </Card>

          {serverError !== null && (
            <Alert color="red" icon={<IconAlertTriangle aria-hidden />} role="alert">
              {errorMessage(serverError, t('errors.generic'))}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() =>
                void (person
                  ? navigate({ to: '/penerima-manfaat/$id', params: { id: personId } })
                  : navigate({ to: '/penerima-manfaat' }))
              }
            >
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} disabled={workers.isPending || noWorkers}>
              {t('cases.create.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

/**
 * The proof that the person is in front of the worker: the NIK from their KTP or the number of
 * their family card (KK), matched exactly against the record by the server.
 */
function IdentityProofSection({
  kind,
  number,
  error,
  onKind,
  onNumber,
}: {
  kind: ProofKind;
  number: string;
  error: string | undefined;
  onKind: (kind: ProofKind) => void;
  onNumber: (number: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder component="section" aria-labelledby="case-proof-title">
      <Title order={2} size="h4" mb="sm" id="case-proof-title">
        {t('cases.create.elsewhere.title')}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{t('cases.create.elsewhere.body')}</Text>
        <Radio.Group
          label={t('cases.create.elsewhere.kind')}
          value={kind}
          onChange={(v) => onKind(v as ProofKind)}
        >
          <Group gap="md" mt={6}>
            <Radio value="nik" label={t('cases.create.elsewhere.kindNik')} />
            <Radio value="kkNumber" label={t('cases.create.elsewhere.kindKk')} />
          </Group>
        </Radio.Group>
        <TextInput
          label={kind === 'nik' ? t('cases.create.elsewhere.nik') : t('cases.create.elsewhere.kk')}
          description={t('cases.create.elsewhere.numberHint')}
          required
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          value={number}
          onChange={(e) => onNumber(e.currentTarget.value.replace(/\D/g, ''))}
          error={error}
        />
      </Stack>
    </Card>
  );
}
