import { type Referral, type ReferralStatusInput, referralStatusInput } from '@atensi/domain';
import { Group, Radio, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { issuesToFormErrors } from '../../lib/validation';
import { CaseActionModal } from '../cases/CaseActionModal';
import { useSave } from '../cases/CaseForms';
import type { ReferralActionKind } from './ReferralItem';

export type ReferralAction = { referral: Referral; kind: ReferralActionKind };

/**
 * One answer to a referral, sent with the referral's version. `onAnswer` sends it (through the
 * case or the ticket's route) and returns the message to show.
 */
export function AnswerReferralModal({
  action,
  onClose,
  onReload,
  onAnswer,
}: {
  action: ReferralAction | null;
  onClose: () => void;
  onReload: () => void;
  onAnswer: (referral: Referral, input: ReferralStatusInput) => Promise<string>;
}) {
  const { t } = useTranslation();
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
      const message = await onAnswer(r, parsed.data);
      notify({ color: 'green', message });
      close();
    });
  };

  const titles: Record<ReferralActionKind, string> = {
    record: t('referrals.actions.recordTitle', { target }),
    accepted: t('referrals.actions.acceptTitle'),
    rejected: t('referrals.actions.rejectTitle'),
    completed: t('referrals.actions.completeTitle'),
    cancelled: t('referrals.actions.cancelTitle'),
  };
  const submits: Record<ReferralActionKind, string> = {
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
