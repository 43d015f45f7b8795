import {
  type Case,
  type CaseStage,
  formatDateTime,
  referralLetterInput,
  terminableStages,
  terminationOutcomes,
} from '@atensi/domain';
import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconFileTypePdf, IconMail } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../api/me';
import { activeColor } from '../../app/theme';
import { notify } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage, QueryState } from '../../components/PageStates';
import { RequirePermission } from '../../components/RequirePermission';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { CaseCampaigns } from '../fundraising/CaseCampaigns';
import { AnchorLink } from '../persons/AnchorLink';
import {
  approveClosure,
  caseQueryOptions,
  changeStage,
  downloadReferralLetter,
  downloadSummary,
} from './api';
import {
  Field,
  PendingTransferBadge,
  responseLabel,
  SaveError,
  SensitiveBadge,
  StageBadge,
  UrgencyBadge,
} from './CaseBadges';
import { CaseFollowUpSection } from './CaseFollowUpSection';
import { AssessmentForm, PlacementSection, PlanForm, ServicesSection } from './CaseForms';
import { ReassignButton } from './CaseReassign';
import { CaseReferralSection } from './CaseReferralSection';
import { CaseStaySection } from './CaseStaySection';
import { CaseTransferSection } from './CaseTransferSection';
import { caseEventText } from './eventText';

const route = getRouteApi('/app/kasus/$id');

export function CaseDetailPage() {
  const { t } = useTranslation();
  const { id } = route.useParams();
  const query = useQuery(caseQueryOptions(id));
  return (
    <RequirePermission permission="case.read">
      <Stack gap="md">
        <Anchor component={Link} to="/kasus" size="sm">
          <Group gap={4}>
            <IconArrowLeft size={14} aria-hidden />
            {t('cases.listTitle')}
          </Group>
        </Anchor>
        <QueryState query={query} rows={8}>
          {(c) => <CaseDetail value={c} onReload={() => void query.refetch()} />}
        </QueryState>
      </Stack>
    </RequirePermission>
  );
}

function CaseDetail({ value: c, onReload }: { value: Case; onReload: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const queryClient = useQueryClient();
  const [referralOpen, setReferralOpen] = useState(false);
  const [downloading, setDownloading] = useState(false);
  /** Per case: the head of a centre asked to take it reads it to decide, without working on it. */
  const canWork = c.can.work;
  const onSaved = (updated: Case) => {
    queryClient.setQueryData(caseQueryOptions(c.id).queryKey, updated);
    void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['centers', 'case-workers'] });
    // A placement, transfer or closure moves the person's stay too (and a TPS's occupancy).
    void queryClient.invalidateQueries({ queryKey: ['outreach'] });
  };

  const onSummary = async () => {
    setDownloading(true);
    try {
      await downloadSummary(c);
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setDownloading(false);
    }
  };

  const timeline = [...c.timeline].sort((a, b) => a.at.localeCompare(b.at));
  const formProps = { value: c, canWork, onSaved, onReload };

  return (
    <>
      <PageHeader
        title={t('cases.detail.title', { number: c.number })}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              loading={downloading}
              onClick={() => void onSummary()}
            >
              {t('cases.detail.summaryPdf')}
            </Button>
            {canWork && (
              <Button
                variant="default"
                leftSection={<IconMail size={16} aria-hidden />}
                onClick={() => setReferralOpen(true)}
              >
                {t('cases.referral.action')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder component="section" aria-labelledby="case-overview">
        <Title order={2} size="h4" mb="sm" id="case-overview">
          {t('cases.detail.overview')}
        </Title>
        <Group gap="xs" mb="sm">
          <StageBadge stage={c.stage} />
          <UrgencyBadge urgency={c.urgency} />
          {c.sensitive && <SensitiveBadge />}
          {c.pendingTransfer && <PendingTransferBadge />}
        </Group>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="sm" m={0}>
          <Field label={t('cases.fields.person')}>
            <AnchorLink to="/penerima-manfaat/$id" params={{ id: c.personId }} size="sm">
              {c.personName}
            </AnchorLink>
          </Field>
          <Field label={t('cases.fields.nik')}>{c.nikMasked ?? t('common.none')}</Field>
          <Field label={t('cases.fields.modality')}>{t(`cases.modality.${c.modality}`)}</Field>
          <Field label={t('cases.fields.responseHours')}>{responseLabel(c.responseHours, t)}</Field>
          <Field label={t('cases.fields.clusters')}>
            {c.clusters.map((k) => t(`cluster.${k}`)).join(', ')}
          </Field>
          <Field label={t('cases.fields.intakeChannel')}>
            {t(`cases.intakeChannel.${c.intakeChannel}`)}
            {c.intakeReference ? ` (${c.intakeReference})` : ''}
          </Field>
          <Field label={t('cases.fields.worker')}>{c.assignedWorkerName ?? t('common.none')}</Field>
          <Field label={t('cases.fields.openedAt')}>{formatDateTime(c.openedAt, 'WIB', lang)}</Field>
          {c.overrideReason && <Field label={t('cases.fields.overrideReason')}>{c.overrideReason}</Field>}
        </SimpleGrid>
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="sm">
          {t('cases.fields.problem')}
        </Text>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {c.problem}
        </Text>
        {c.can.reassign && (
          <Group mt="sm">
            <ReassignButton value={c} onSaved={onSaved} onReload={onReload} />
          </Group>
        )}
      </Card>

      <StageActions value={c} onSaved={onSaved} onReload={onReload} />
      <CaseStaySection value={c} />
      <CaseTransferSection value={c} onSaved={onSaved} onReload={onReload} />
      <CaseReferralSection value={c} onSaved={onSaved} onReload={onReload} />
      <CaseCampaigns caseId={c.id} />
      <CaseFollowUpSection value={c} onSaved={onSaved} onReload={onReload} />

      <Card withBorder p={0}>
        <Tabs defaultValue="assessment" keepMounted={false}>
          <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
            <Tabs.Tab value="assessment">{t('cases.tabs.assessment')}</Tabs.Tab>
            <Tabs.Tab value="plan">{t('cases.tabs.plan')}</Tabs.Tab>
            <Tabs.Tab value="services">{t('cases.tabs.services')}</Tabs.Tab>
            <Tabs.Tab value="placement">{t('cases.tabs.placement')}</Tabs.Tab>
            <Tabs.Tab value="timeline">{t('cases.tabs.timeline')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="assessment" p="md">
            <AssessmentForm key={c.version} {...formProps} />
          </Tabs.Panel>
          <Tabs.Panel value="plan" p="md">
            <PlanForm key={c.version} {...formProps} />
          </Tabs.Panel>
          <Tabs.Panel value="services" p="md">
            <ServicesSection {...formProps} />
          </Tabs.Panel>
          <Tabs.Panel value="placement" p="md">
            <PlacementSection {...formProps} />
          </Tabs.Panel>
          <Tabs.Panel value="timeline" p="md">
            {timeline.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('cases.timeline.empty')}
              </Text>
            ) : (
              <Stack component="ol" gap="xs" m={0} pl="md">
                {timeline.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never reorder
                  <li key={i}>
                    <Text size="sm" fw={600}>
                      {t([`cases.timeline.kind.${e.kind}`, `referrals.timelineKind.${e.kind}`])}
                    </Text>
                    <Text size="sm">{caseEventText(e, t)}</Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.at, 'WIB', lang)}
                      {e.by ? ` · ${e.by}` : ''}
                    </Text>
                  </li>
                ))}
              </Stack>
            )}
          </Tabs.Panel>
        </Tabs>
      </Card>
      {canWork && <ReferralModal opened={referralOpen} onClose={() => setReferralOpen(false)} value={c} />}
    </>
  );
}

function StageActions({
  value: c,
  onSaved,
  onReload,
}: {
  value: Case;
  onSaved: (c: Case) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const [target, setTarget] = useState<CaseStage | null>(null);
  const [closing, setClosing] = useState(false);
  const canApprove = can(me, 'case.approveClosure') && c.can.work;
  if (!c.can.work) return null;
  /** Approval goes through `/closure` (with the outcomes), never a plain stage change. */
  const approvable = canApprove && c.stage === 'termination_requested';
  const moves = c.allowedNextStages.filter((to) => to !== 'termination');

  const labelFor = (to: CaseStage): string => {
    if (to === 'termination_requested') return t('cases.detail.requestTermination');
    if (c.stage === 'termination_requested' && (terminableStages as readonly CaseStage[]).includes(to)) {
      return t('cases.detail.rejectTermination', { stage: t(`cases.stage.${to}`) });
    }
    if ((c.stage === 'termination' || c.stage === 'follow_up') && to === 'assessment') {
      return t('cases.detail.reopen');
    }
    return t('cases.detail.moveTo', { stage: t(`cases.stage.${to}`) });
  };

  return (
    <Card withBorder component="section" aria-labelledby="case-stage-actions">
      <Title order={2} size="h4" mb="sm" id="case-stage-actions">
        {t('cases.detail.stageActions')}
      </Title>
      {moves.length === 0 && !approvable ? (
        <Text size="sm" c="dimmed">
          {t('cases.detail.noStageActions')}
        </Text>
      ) : (
        <Group gap="xs">
          {approvable && (
            <Button color={activeColor} onClick={() => setClosing(true)}>
              {t('cases.closure.title')}
            </Button>
          )}
          {moves.map((to) => (
            <Button key={to} variant="default" onClick={() => setTarget(to)}>
              {labelFor(to)}
            </Button>
          ))}
        </Group>
      )}
      <StageModal
        value={c}
        target={target}
        label={target ? labelFor(target) : ''}
        onClose={() => setTarget(null)}
        onSaved={onSaved}
        onReload={onReload}
      />
      {canApprove && (
        <ClosureModal
          value={c}
          opened={closing}
          onClose={() => setClosing(false)}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
    </Card>
  );
}

function StageModal({
  value: c,
  target,
  label,
  onClose,
  onSaved,
  onReload,
}: {
  value: Case;
  target: CaseStage | null;
  label: string;
  onClose: () => void;
  onSaved: (c: Case) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const close = () => {
    setNote('');
    setError(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      onSaved(await changeStage(c.id, { to: target, note: note.trim() || null, version: c.version }));
      notify({ color: 'green', message: t('cases.detail.stageChanged') });
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={label}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Textarea
            label={t('cases.detail.stageNote')}
            autosize
            minRows={2}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <SaveError
            error={error}
            onReload={() => {
              close();
              onReload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

const outcomeKeys = [
  'basicNeedsMet',
  'ownIncome',
  'mobilityImproved',
  'familyCanCare',
  'servicesComplete',
] as const;
type OutcomeKey = (typeof outcomeKeys)[number];

function ClosureModal({
  value: c,
  opened,
  onClose,
  onSaved,
  onReload,
}: {
  value: Case;
  opened: boolean;
  onClose: () => void;
  onSaved: (c: Case) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [checks, setChecks] = useState<Record<OutcomeKey, boolean>>({
    basicNeedsMet: false,
    ownIncome: false,
    mobilityImproved: false,
    familyCanCare: false,
    servicesComplete: false,
  });
  const [summary, setSummary] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const raw = { ...checks, summary };
    const parsed = terminationOutcomes.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      onSaved(await approveClosure(c.id, c.version, parsed.data));
      notify({ color: 'green', message: t('cases.closure.approved') });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('cases.closure.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <Stack component="fieldset" gap="xs" m={0} p={0} style={{ border: 0 }}>
            <Text component="legend" fw={600} size="sm" mb="xs">
              {t('cases.closure.outcomesLegend')}
            </Text>
            {outcomeKeys.map((k) => (
              <Checkbox
                key={k}
                label={t(`cases.closure.${k}`)}
                checked={checks[k]}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  setChecks((v) => ({ ...v, [k]: checked }));
                }}
              />
            ))}
          </Stack>
          <Textarea
            label={t('cases.closure.summary')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            value={summary}
            onChange={(e) => setSummary(e.currentTarget.value)}
            error={errors.summary}
          />
          <SaveError
            error={error}
            onReload={() => {
              onClose();
              onReload();
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('cases.closure.approve')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function ReferralModal({ value: c, opened, onClose }: { value: Case; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState({ letterNumber: '', recipient: '', purpose: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = referralLetterInput.safeParse(v);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, v, t));
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      await downloadReferralLetter(c, parsed.data);
      notify({ color: 'green', message: t('cases.downloaded') });
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('cases.referral.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack>
          <TextInput
            label={t('cases.referral.letterNumber')}
            required
            maxLength={100}
            value={v.letterNumber}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setV((o) => ({ ...o, letterNumber: next }));
            }}
            error={errors.letterNumber}
          />
          <TextInput
            label={t('cases.referral.recipient')}
            required
            maxLength={300}
            value={v.recipient}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setV((o) => ({ ...o, recipient: next }));
            }}
            error={errors.recipient}
          />
          <Textarea
            label={t('cases.referral.purpose')}
            required
            autosize
            minRows={3}
            maxLength={2000}
            value={v.purpose}
            onChange={(e) => {
              const next = e.currentTarget.value;
              setV((o) => ({ ...o, purpose: next }));
            }}
            error={errors.purpose}
          />
          <SaveError error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconFileTypePdf size={16} aria-hidden />}>
              {t('cases.referral.download')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
