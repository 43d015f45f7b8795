import {
  type CaseWorker,
  type Cluster,
  clusters,
  type Modality,
  modalities,
  type OpenCaseFromTicketInput,
  openCaseFromTicketInput,
  type reportedSubjects,
  type Ticket,
  type Urgency,
  urgencies,
} from '@atensi/domain';
import {
  Alert,
  Button,
  Fieldset,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { AnchorLink } from '../persons/AnchorLink';
import { PersonSearchSelect } from '../persons/PersonSearchSelect';
import { centerWorkersQueryOptions, triage } from './api';
import { ActionModal } from './SerasiParts';

type ReportedSubject = (typeof reportedSubjects)[number];

/** One branch of the person at a time, so a missing name, sex or choice is reported on its own field. */
const existingPersonInput = openCaseFromTicketInput.extend({
  person: openCaseFromTicketInput.shape.person.options[0],
});
const quickCaseInput = openCaseFromTicketInput.extend({
  person: openCaseFromTicketInput.shape.person.options[1],
});

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The cluster a reported subject usually belongs to (the officer may change it). */
const subjectClusters: Record<ReportedSubject, Cluster[]> = {
  odgj: ['odgj'],
  homeless: ['social_deviance_trafficking'],
  abandoned_elder: ['elderly'],
  neglected_child: ['child'],
  disability: ['disability'],
  trafficking_victim: ['social_deviance_trafficking'],
  other: [],
};

const workerLabel = (w: CaseWorker, t: Translate) =>
  t(w.isHead ? 'serasi.openCase.workerOptionHead' : 'serasi.openCase.workerOption', {
    name: w.name,
    count: w.openCases,
  });

/** Centres where the user may open a case from this ticket: the ticket's, or a covering one they work at. */
export const caseCenters = (
  me: ReturnType<typeof useMe>,
  ticket: Pick<Ticket, 'centerId' | 'centerName' | 'suggestedCenters'>,
): { id: string; name: string }[] => {
  const mine = new Set(
    me.roles
      .filter((r) => (r.role === 'desk_officer' || r.role === 'center_head') && r.centerId)
      .map((r) => r.centerId as string),
  );
  const options = ticket.suggestedCenters
    .filter((c) => mine.has(c.centerId))
    .map((c) => ({ id: c.centerId, name: c.centerName }));
  if (ticket.centerId && mine.has(ticket.centerId) && !options.some((o) => o.id === ticket.centerId)) {
    options.unshift({ id: ticket.centerId, name: ticket.centerName ?? ticket.centerId });
  }
  // The assigned centre first.
  return options.sort((a, b) => Number(b.id === ticket.centerId) - Number(a.id === ticket.centerId));
};

type Values = {
  centerId: string;
  /** A person already registered (found by name or NIK), or a quick registration. */
  personMode: 'existing' | 'new';
  personId: string | null;
  fullName: string;
  sex: 'male' | 'female' | '';
  birthYearEstimate: number | string;
  clusters: Cluster[];
  urgency: Urgency | '';
  modality: Modality;
  assignedWorkerId: string | null;
  problem: string;
};

/** "Buka kasus": an ATENSI case from the ticket, for a registered person or a quick registration. */
export function OpenCaseModal({
  ticket,
  onSaved,
  onClose,
  onReload,
}: {
  ticket: Ticket;
  onSaved: (t: Ticket) => void;
  onClose: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const centers = caseCenters(me, ticket);
  const [opened, setOpened] = useState<Ticket | null>(null);
  const defaultName =
    ticket.type === 'help_request' && ticket.reporterName
      ? ticket.reporterName
      : t('serasi.openCase.defaultName', {
          subject: t(`serasi.subjectShort.${ticket.subject ?? 'other'}`),
        });
  const f = useSchemaForm<Values>({
    centerId: centers[0]?.id ?? '',
    personMode: 'new',
    personId: null,
    fullName: defaultName,
    sex: '',
    birthYearEstimate: '',
    clusters: ticket.subject ? [...(subjectClusters[ticket.subject] ?? [])] : [],
    urgency: 'medium',
    modality: 'family',
    assignedWorkerId: null,
    problem: ticket.description.slice(0, 4000),
  });
  const v = f.values;
  const workers = useQuery(centerWorkersQueryOptions(v.centerId || null));
  const workerData = (workers.data ?? []).map((w) => ({ value: w.id, label: workerLabel(w, t) }));
  const assignedWorkerId =
    v.assignedWorkerId && workerData.some((o) => o.value === v.assignedWorkerId) ? v.assignedWorkerId : null;

  const existing = v.personMode === 'existing';
  const submit = () => {
    const raw = {
      version: ticket.version,
      person: existing
        ? { personId: v.personId ?? undefined }
        : {
            fullName: v.fullName,
            sex: v.sex || undefined,
            birthYearEstimate: v.birthYearEstimate === '' ? undefined : Number(v.birthYearEstimate),
          },
      centerId: v.centerId,
      assignedWorkerId: assignedWorkerId ?? '',
      clusters: v.clusters,
      urgency: v.urgency || undefined,
      modality: v.modality,
      problem: v.problem,
    };
    const send = async (input: OpenCaseFromTicketInput) => {
      const updated = await triage.openCase(ticket.id, input);
      onSaved(updated);
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['centers', 'case-workers'] });
      setOpened(updated);
    };
    if (existing) void f.submit(existingPersonInput, raw, send);
    else void f.submit(quickCaseInput, raw, send);
  };

  if (centers.length === 0) {
    return (
      <ActionModal
        opened
        title={t('serasi.openCase.title')}
        submitLabel={t('serasi.openCase.submit')}
        busy={false}
        error={null}
        onSubmit={onClose}
        onClose={onClose}
        onReload={onReload}
        footer={
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('serasi.openCase.finish')}
            </Button>
          </Group>
        }
      >
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('serasi.openCase.noCenter')}
        </Alert>
      </ActionModal>
    );
  }

  if (opened?.caseId) {
    const number = opened.caseNumber ?? '';
    return (
      <ActionModal
        opened
        title={t('serasi.openCase.title')}
        submitLabel={t('common.close')}
        busy={false}
        error={null}
        onSubmit={onClose}
        onClose={onClose}
        onReload={onReload}
        footer={
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('serasi.openCase.finish')}</Button>
          </Group>
        }
      >
        <Alert color="green" icon={<IconCheck aria-hidden />} role="status">
          <Stack gap="xs">
            <Text size="sm" fw={700}>
              {t('serasi.openCase.done', { number })}
            </Text>
            <Text size="sm">{t('serasi.openCase.doneHint')}</Text>
            {can(me, 'case.read') && (
              <AnchorLink to="/kasus/$id" params={{ id: opened.caseId }} size="sm" fw={600}>
                {t('serasi.openCase.openCase', { number })}
              </AnchorLink>
            )}
          </Stack>
        </Alert>
      </ActionModal>
    );
  }

  return (
    <ActionModal
      opened
      size="lg"
      title={t('serasi.openCase.title')}
      submitLabel={t('serasi.openCase.submit')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
    >
      <Text size="sm">{t('serasi.openCase.intro')}</Text>
      <NativeSelect
        label={t('serasi.openCase.center')}
        required
        data={centers.map((c) => ({ value: c.id, label: c.name }))}
        value={v.centerId}
        onChange={(e) => {
          f.set('centerId', e.currentTarget.value);
          f.set('assignedWorkerId', null);
        }}
        error={f.errors.centerId}
      />
      <Fieldset legend={t('serasi.openCase.personLegend')} variant="unstyled">
        <Stack gap="sm">
          <Radio.Group
            label={t('serasi.openCase.personMode')}
            value={v.personMode}
            onChange={(value) => f.set('personMode', value as Values['personMode'])}
          >
            <Group gap="lg" mt={6}>
              <Radio value="new" label={t('serasi.openCase.personNew')} />
              <Radio value="existing" label={t('serasi.openCase.personExisting')} />
            </Group>
          </Radio.Group>
          {existing ? (
            <PersonSearchSelect
              label={t('serasi.openCase.personSearch')}
              description={t('serasi.openCase.personSearchHint')}
              required
              value={v.personId}
              onChange={(person) => f.set('personId', person?.id ?? null)}
              excludeIds={[]}
              error={f.errors['person.personId']}
              data-autofocus
            />
          ) : (
            <>
              <TextInput
                label={t('serasi.openCase.fullName')}
                description={t('serasi.openCase.fullNameHint')}
                required
                maxLength={200}
                value={v.fullName}
                onChange={(e) => f.set('fullName', e.currentTarget.value)}
                error={f.errors['person.fullName']}
                data-autofocus
              />
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Radio.Group
                  label={t('serasi.openCase.sex')}
                  required
                  value={v.sex}
                  onChange={(value) => f.set('sex', value as 'male' | 'female')}
                  error={f.errors['person.sex']}
                >
                  <Group gap="lg" mt={6}>
                    <Radio value="male" label={t('persons.sex.male')} />
                    <Radio value="female" label={t('persons.sex.female')} />
                  </Group>
                </Radio.Group>
                <NumberInput
                  label={t('serasi.openCase.birthYear')}
                  required
                  min={1900}
                  max={new Date().getFullYear()}
                  allowDecimal={false}
                  allowNegative={false}
                  hideControls
                  value={v.birthYearEstimate}
                  onChange={(value) => f.set('birthYearEstimate', value)}
                  error={f.errors['person.birthYearEstimate']}
                />
              </SimpleGrid>
            </>
          )}
        </Stack>
      </Fieldset>
      <MultiSelect
        label={t('serasi.openCase.clusters')}
        required
        data={clusters.map((c) => ({ value: c, label: t(`cluster.${c}`) }))}
        value={v.clusters}
        onChange={(value) => f.set('clusters', value as Cluster[])}
        error={f.errors.clusters}
        comboboxProps={{ withinPortal: true }}
        hidePickedOptions
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NativeSelect
          label={t('serasi.openCase.urgency')}
          required
          data={urgencies.map((u) => ({ value: u, label: t(`cases.urgency.${u}`) }))}
          value={v.urgency}
          onChange={(e) => f.set('urgency', e.currentTarget.value as Urgency)}
          error={f.errors.urgency}
        />
        <NativeSelect
          label={t('serasi.openCase.modality')}
          required
          data={modalities.map((m) => ({ value: m, label: t(`cases.modality.${m}`) }))}
          value={v.modality}
          onChange={(e) => f.set('modality', e.currentTarget.value as Modality)}
          error={f.errors.modality}
        />
      </SimpleGrid>
      <Select
        label={t('serasi.openCase.worker')}
        placeholder={t('serasi.openCase.workerPlaceholder')}
        required
        data={workerData}
        value={assignedWorkerId}
        onChange={(value) => f.set('assignedWorkerId', value)}
        searchable
        nothingFoundMessage={workers.isFetching ? t('common.loading') : t('serasi.openCase.noWorkers')}
        rightSection={workers.isFetching ? <Loader size="xs" aria-label={t('common.loading')} /> : undefined}
        error={f.errors.assignedWorkerId}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('serasi.openCase.problem')}
        required
        autosize
        minRows={3}
        maxRows={10}
        maxLength={4000}
        value={v.problem}
        onChange={(e) => f.set('problem', e.currentTarget.value)}
        error={f.errors.problem}
      />
    </ActionModal>
  );
}
