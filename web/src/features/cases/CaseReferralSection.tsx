import {
  type Case,
  createReferralInput,
  type Referral,
  type ReferralTarget,
  referralTargets,
} from '@atensi/domain';
import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { issuesToFormErrors } from '../../lib/validation';
import { PartnerSelect } from '../partners/PartnerSelect';
import { AnswerReferralModal, type ReferralAction } from '../referrals/AnswerReferralModal';
import { answerReferral, createReferral } from '../referrals/api';
import { ReferralItem, type ReferralSide } from '../referrals/ReferralItem';
import { CaseActionModal } from './CaseActionModal';
import { useSave } from './CaseForms';

type Props = { value: Case; onSaved: (c: Case) => void; onReload: () => void };

/** Targets whose name the worker types (the others take the programme's, partner's or centre's name). */
const namedTargets: readonly ReferralTarget[] = ['hospital', 'mental_hospital', 'other_agency'];

const sideOf = (c: Case, r: Referral): ReferralSide | null =>
  c.can.work ? 'case' : c.can.answerReferralIds.includes(r.id) ? 'partner' : null;

/**
 * Rujukan: referrals of the case to programmes, hospitals, other balai, LKS and agencies, with
 * the answers. The case's worker or head refers, records programmes' answers, completes and
 * cancels; the receiving LKS's staff accept, reject and complete their own.
 */
export function CaseReferralSection({ value: c, onSaved, onReload }: Props) {
  const { t } = useTranslation();
  const [creating, setCreating] = useState(false);
  const [action, setAction] = useState<ReferralAction | null>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
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
        action={action}
        onClose={() => setAction(null)}
        onReload={onReload}
        onAnswer={async (r, input) => {
          const result = await answerReferral(c.id, r.id, input);
          void queryClient.invalidateQueries({ queryKey: ['referrals'] });
          void queryClient.invalidateQueries({ queryKey: ['cases', 'list'] });
          if (result.case) {
            onSaved(result.case);
            return t('referrals.actions.saved');
          }
          // LKS staff closed the referral: the case is no longer theirs to open.
          queryClient.removeQueries({ queryKey: ['cases', 'detail', c.id] });
          void navigate({ to: '/rujukan' });
          return t('referrals.actions.closedForYou');
        }}
      />
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
