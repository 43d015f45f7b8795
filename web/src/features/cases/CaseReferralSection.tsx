import {
  type Case,
  canMoveReferral,
  createReferralInput,
  formatDateTime,
  type Referral,
  type ReferralStatus,
  type ReferralTarget,
  referralStatusInput,
  referralTargets,
} from '@atensi/domain';
import { Button, Card, Group, Radio, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconFileTypePdf, IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activeColor } from '../../app/theme';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { errorMessage } from '../../components/PageStates';
import { currentLanguage } from '../../i18n';
import { issuesToFormErrors } from '../../lib/validation';
import { PartnerSelect } from '../partners/PartnerSelect';
import { answerReferral, createReferral, downloadReferralPdf } from '../referrals/api';
import { ReferralStatusBadge } from '../referrals/ReferralParts';
import { CaseActionModal } from './CaseActionModal';
import { useSave } from './CaseForms';

type Props = { value: Case; onSaved: (c: Case) => void; onReload: () => void };

/** Who acts on a referral, as the server decides: the case side first, then the receiving LKS. */
type Side = 'case' | 'partner';
/** `record`: the case side writes down the answer of a programme or office without users here. */
type ActionKind = 'record' | 'accepted' | 'rejected' | 'completed' | 'cancelled';
type Action = { referral: Referral; kind: ActionKind };

/** Targets whose name the worker types (the others take the programme's, partner's or centre's name). */
const namedTargets: readonly ReferralTarget[] = ['hospital', 'mental_hospital', 'other_agency'];

const sideOf = (c: Case, r: Referral): Side | null =>
  c.can.work ? 'case' : c.can.answerReferralIds.includes(r.id) ? 'partner' : null;

/**
 * Rujukan: referrals of the case to programmes, hospitals, other balai, LKS and agencies, with
 * the answers. The case's worker or head refers, records programmes' answers, completes and
 * cancels; the receiving LKS's staff accept, reject and complete their own.
 */
export function CaseReferralSection({ value: c, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<Action | null>(null);
  if (c.referrals.length === 0 && !c.can.refer) return null;
  const items = [...c.referrals].sort((a, b) => b.sentAt.localeCompare(a.sentAt));

  return (
    <Card withBorder component="section" aria-labelledby="case-referrals">
      <Group justify="space-between" wrap="wrap" gap="xs" mb="sm">
        <Title order={2} size="h4" id="case-referrals">
          {t('referrals.section.title')}
        </Title>
        {c.can.refer && (
          <Button
            variant="default"
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={() => setCreating(true)}
          >
            {t('referrals.section.create')}
          </Button>
        )}
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('referrals.section.empty')}
        </Text>
      ) : (
        <Stack
          component="ul"
          gap="xs"
          m={0}
          p={0}
          style={{ listStyle: 'none' }}
          aria-label={t('referrals.section.listLabel')}
        >
          {items.map((r) => (
            <ReferralItem
              key={r.id}
              referral={r}
              side={sideOf(c, r)}
              onAction={(kind) => setAction({ referral: r, kind })}
            />
          ))}
        </Stack>
      )}
      {c.can.refer && (
        <CreateReferralModal
          value={c}
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
      <AnswerReferralModal
        value={c}
        action={action}
        onClose={() => setAction(null)}
        onSaved={onSaved}
        onReload={onReload}
      />
    </Card>
  );
}

function ReferralItem({
  referral: r,
  side,
  onAction,
}: {
  referral: Referral;
  side: Side | null;
  onAction: (kind: ActionKind) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [downloading, setDownloading] = useState(false);
  const when = (at: string) => formatDateTime(at, 'WIB', lang);
  const may = (to: ReferralStatus) => side !== null && canMoveReferral(r.status, to, side);
  const onLetter = async () => {
    setDownloading(true);
    try {
      await downloadReferralPdf(r);
      notify({ color: 'green', message: t('cases.downloaded') });
    } catch (error) {
      notify({ color: 'red', message: errorMessage(error, t('errors.generic')) });
    } finally {
      setDownloading(false);
    }
  };
  /** LKS answer for themselves; the case side records the answers of everyone else. */
  const canRecord = side === 'case' && r.target !== 'partner' && r.status === 'sent';

  return (
    <Card component="li" withBorder p="xs">
      <Group gap="xs" wrap="wrap">
        <ReferralStatusBadge status={r.status} />
        <Text size="sm" fw={600}>
          {r.targetName}
        </Text>
        <Text size="sm" c="dimmed">
          {t(`referrals.target.${r.target}`)}
        </Text>
      </Group>
      <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
        {r.reason}
      </Text>
      {r.letterNumber && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.letterNumber', { number: r.letterNumber })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {t('referrals.section.sentOn', {
          when: `${when(r.sentAt)}${r.sentByName ? ` · ${r.sentByName}` : ''}`,
        })}
      </Text>
      {r.answeredAt && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.answeredOn', { when: when(r.answeredAt) })}
        </Text>
      )}
      {r.completedAt && (
        <Text size="xs" c="dimmed">
          {t('referrals.section.completedOn', { when: when(r.completedAt) })}
        </Text>
      )}
      {r.responseNote && (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {t('referrals.section.note', { note: r.responseNote })}
        </Text>
      )}
      {side && (
        <Group
          gap="xs"
          mt="xs"
          wrap="wrap"
          role="group"
          aria-label={t('referrals.section.actionsFor', { target: r.targetName })}
        >
          {side === 'partner' && may('accepted') && (
            <Button size="xs" color={activeColor} onClick={() => onAction('accepted')}>
              {t('referrals.actions.accept')}
            </Button>
          )}
          {side === 'partner' && may('rejected') && (
            <Button size="xs" variant="default" onClick={() => onAction('rejected')}>
              {t('referrals.actions.reject')}
            </Button>
          )}
          {canRecord && (
            <Button size="xs" variant="default" onClick={() => onAction('record')}>
              {t('referrals.actions.record')}
            </Button>
          )}
          {may('completed') && (
            <Button size="xs" variant="default" onClick={() => onAction('completed')}>
              {t('referrals.actions.complete')}
            </Button>
          )}
          {may('cancelled') && (
            <Button size="xs" variant="default" onClick={() => onAction('cancelled')}>
              {t('referrals.actions.cancel')}
            </Button>
          )}
          {side === 'case' && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconFileTypePdf size={14} aria-hidden />}
              loading={downloading}
              onClick={() => void onLetter()}
            >
              {t('referrals.actions.letter')}
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}

type CreateValues = {
  target: ReferralTarget | '';
  partnerId: string | null;
  targetCenterId: string | null;
  targetName: string;
  reason: string;
  letterNumber: string;
};

const emptyReferral = (): CreateValues => ({
  target: '',
  partnerId: null,
  targetCenterId: null,
  targetName: '',
  reason: '',
  letterNumber: '',
});

const nameLabelKey: Partial<Record<ReferralTarget, string>> = {
  hospital: 'referrals.form.nameHospital',
  mental_hospital: 'referrals.form.nameMentalHospital',
  other_agency: 'referrals.form.nameAgency',
};

/** The case's worker or head refers the person to a programme, hospital, balai, LKS or agency. */
function CreateReferralModal({
  value: c,
  opened,
  onClose,
  onSaved,
  onReload,
}: Props & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [v, setV] = useState<CreateValues>(emptyReferral);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const set = <K extends keyof CreateValues>(key: K, next: CreateValues[K]) =>
    setV((old) => ({ ...old, [key]: next }));
  const close = () => {
    setV(emptyReferral());
    setErrors({});
    save.reset();
    onClose();
  };
  const target = v.target || null;
  const nameLabel = target ? nameLabelKey[target] : undefined;
  const submit = () => {
    const raw = {
      target: v.target || undefined,
      partnerId: target === 'partner' ? v.partnerId : null,
      targetCenterId: target === 'other_center' ? v.targetCenterId : null,
      targetName: target && namedTargets.includes(target) ? v.targetName : null,
      reason: v.reason,
      letterNumber: v.letterNumber,
    };
    const parsed = createReferralInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      onSaved(await createReferral(c.id, parsed.data));
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      notify({ color: 'green', message: t('referrals.form.sent') });
      close();
    });
  };

  return (
    <CaseActionModal
      opened={opened}
      title={t('referrals.form.title')}
      submitLabel={t('referrals.form.submit')}
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      <Select
        label={t('referrals.form.target')}
        required
        data={referralTargets.map((k) => ({ value: k, label: t(`referrals.target.${k}`) }))}
        value={target}
        onChange={(next) => {
          set('target', (next ?? '') as CreateValues['target']);
          setErrors({});
        }}
        error={errors.target}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      {target === 'partner' && (
        <PartnerSelect
          label={t('referrals.form.partner')}
          required
          clusters={c.clusters}
          value={v.partnerId}
          onChange={(id) => set('partnerId', id)}
          error={errors.partnerId}
        />
      )}
      {target === 'other_center' && (
        <CenterSelect
          label={t('referrals.form.center')}
          required
          exclude={[c.centerId]}
          value={v.targetCenterId}
          onChange={(id) => set('targetCenterId', id)}
          error={errors.targetCenterId}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {nameLabel && (
        <TextInput
          label={t(nameLabel)}
          required
          maxLength={200}
          value={v.targetName}
          onChange={(e) => set('targetName', e.currentTarget.value)}
          error={errors.targetName}
        />
      )}
      <Textarea
        label={t('referrals.form.reason')}
        description={t('validation.minLength', { count: 10 })}
        required
        autosize
        minRows={3}
        maxLength={2000}
        value={v.reason}
        onChange={(e) => set('reason', e.currentTarget.value)}
        error={errors.reason}
      />
      <TextInput
        label={t('referrals.form.letterNumber')}
        description={t('referrals.form.letterHint')}
        maxLength={100}
        value={v.letterNumber}
        onChange={(e) => set('letterNumber', e.currentTarget.value)}
        error={errors.letterNumber}
      />
    </CaseActionModal>
  );
}

/** One answer to a referral, sent with the referral's version. */
function AnswerReferralModal({
  value: c,
  action,
  onClose,
  onSaved,
  onReload,
}: Props & { action: Action | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [answer, setAnswer] = useState<'accepted' | 'rejected' | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useSave(setErrors);
  const close = () => {
    setAnswer('');
    setNote('');
    setErrors({});
    save.reset();
    onClose();
  };
  const r = action?.referral;
  const kind = action?.kind;
  const target = r?.targetName ?? '';
  const status = kind === 'record' ? answer || undefined : kind;

  const submit = () => {
    if (!r) return;
    const raw = { status, note: note.trim() || null, version: r.version };
    const parsed = referralStatusInput.safeParse(raw);
    if (!parsed.success) {
      setErrors(issuesToFormErrors(parsed.error.issues, raw, t));
      return;
    }
    setErrors({});
    void save.run(async () => {
      const result = await answerReferral(c.id, r.id, parsed.data);
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
      void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
      if (result.case) {
        onSaved(result.case);
        notify({ color: 'green', message: t('referrals.actions.saved') });
        close();
        return;
      }
      // LKS staff closed the referral: the case is no longer theirs to open.
      notify({ color: 'green', message: t('referrals.actions.closedForYou') });
      close();
      queryClient.removeQueries({ queryKey: ['cases', 'detail', c.id] });
      void navigate({ to: '/rujukan' });
    });
  };

  const titles: Record<ActionKind, string> = {
    record: t('referrals.actions.recordTitle', { target }),
    accepted: t('referrals.actions.acceptTitle'),
    rejected: t('referrals.actions.rejectTitle'),
    completed: t('referrals.actions.completeTitle'),
    cancelled: t('referrals.actions.cancelTitle'),
  };
  const submits: Record<ActionKind, string> = {
    record: t('referrals.actions.save'),
    accepted: t('referrals.actions.accept'),
    rejected: t('referrals.actions.rejectSubmit'),
    completed: t('referrals.actions.completeSubmit'),
    cancelled: t('referrals.actions.cancelSubmit'),
  };

  return (
    <CaseActionModal
      opened={action !== null}
      title={kind ? titles[kind] : ''}
      submitLabel={kind ? submits[kind] : ''}
      submitColor={kind === 'rejected' || kind === 'cancelled' ? 'red.9' : undefined}
      busy={save.busy}
      error={save.error}
      onSubmit={submit}
      onClose={close}
      onReload={onReload}
    >
      {kind === 'accepted' && <Text size="sm">{t('referrals.actions.acceptBody')}</Text>}
      {kind === 'completed' && <Text size="sm">{t('referrals.actions.completeBody', { target })}</Text>}
      {kind === 'cancelled' && <Text size="sm">{t('referrals.actions.cancelBody', { target })}</Text>}
      {kind === 'record' && (
        <Radio.Group
          label={t('referrals.actions.answer')}
          required
          value={answer}
          onChange={(next) => setAnswer(next as 'accepted' | 'rejected')}
          error={errors.status}
        >
          <Group gap="md" mt={6}>
            <Radio value="accepted" label={t('referrals.status.accepted')} />
            <Radio value="rejected" label={t('referrals.status.rejected')} />
          </Group>
        </Radio.Group>
      )}
      <Textarea
        label={t('referrals.actions.note')}
        description={kind === 'rejected' ? t('referrals.actions.rejectHint') : undefined}
        autosize
        minRows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        error={errors.note}
      />
    </CaseActionModal>
  );
}
