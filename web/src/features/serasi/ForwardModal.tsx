import { forwardTicketInput, type ReferralTarget, referralTargets, type Ticket } from '@atensi/domain';
import { Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CenterSelect } from '../../components/CenterSelect';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { PartnerSelect } from '../partners/PartnerSelect';
import { triage } from './api';
import { ActionModal, type TriageModalProps } from './SerasiParts';

/** Targets whose name the officer types (the others take the programme's, partner's or centre's name). */
const namedTargets: readonly ReferralTarget[] = ['hospital', 'mental_hospital', 'other_agency'];

const nameLabelKey: Partial<Record<ReferralTarget, string>> = {
  hospital: 'referrals.form.nameHospital',
  mental_hospital: 'referrals.form.nameMentalHospital',
  other_agency: 'referrals.form.nameAgency',
};

/** A complaint about PKH, BPNT or BPJS PBI aid goes to that programme unless the officer chooses otherwise. */
const targetOfAid = (aid: Ticket['aidProgram']): ReferralTarget | '' =>
  aid === 'pkh' || aid === 'bpnt' || aid === 'bpjs_pbi' ? aid : '';

type Values = {
  target: ReferralTarget | '';
  partnerId: string | null;
  targetCenterId: string | null;
  targetName: string;
  reason: string;
  letterNumber: string;
  publicText: string;
};

/**
 * "Teruskan": the ticket goes to a programme, hospital, balai, LKS or agency as a tracked
 * referral (status, dates, letter) — through its case when it has one.
 */
export function ForwardModal({ ticket, onSaved, onClose, onReload }: TriageModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useSchemaForm<Values>({
    target: targetOfAid(ticket.aidProgram),
    partnerId: null,
    targetCenterId: null,
    targetName: '',
    reason: '',
    letterNumber: '',
    publicText: '',
  });
  const v = f.values;
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
      publicText: v.publicText,
      version: ticket.version,
    };
    void f.submit(forwardTicketInput, raw, async (input) => {
      onSaved(await triage.forward(ticket.id, input));
      void queryClient.invalidateQueries({ queryKey: ['referrals'] });
    });
  };
  return (
    <ActionModal
      opened
      title={t('serasi.actions.forwardTitle')}
      submitLabel={t('serasi.actions.forwardSubmit')}
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={onReload}
      onSubmit={submit}
    >
      <Stack gap="sm">
        <Text size="sm">
          {ticket.caseNumber
            ? t('serasi.forward.introCase', { number: ticket.caseNumber })
            : t('serasi.forward.intro')}
        </Text>
        <Select
          label={t('referrals.form.target')}
          required
          data={referralTargets.map((k) => ({ value: k, label: t(`referrals.target.${k}`) }))}
          value={target}
          onChange={(next) => f.set('target', (next ?? '') as Values['target'])}
          error={f.errors.target}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
        />
        {target === 'partner' && (
          <PartnerSelect
            label={t('referrals.form.partner')}
            required
            value={v.partnerId}
            onChange={(id) => f.set('partnerId', id)}
            error={f.errors.partnerId}
          />
        )}
        {target === 'other_center' && (
          <CenterSelect
            label={t('referrals.form.center')}
            required
            exclude={ticket.centerId ? [ticket.centerId] : []}
            value={v.targetCenterId}
            onChange={(id) => f.set('targetCenterId', id)}
            error={f.errors.targetCenterId}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {nameLabel && (
          <TextInput
            label={t(nameLabel)}
            required
            maxLength={200}
            value={v.targetName}
            onChange={(e) => f.set('targetName', e.currentTarget.value)}
            error={f.errors.targetName}
          />
        )}
        <Textarea
          label={t('serasi.forward.reason')}
          description={t('serasi.forward.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={2000}
          value={v.reason}
          onChange={(e) => f.set('reason', e.currentTarget.value)}
          error={f.errors.reason}
        />
        <TextInput
          label={t('referrals.form.letterNumber')}
          description={t('referrals.form.letterHint')}
          maxLength={100}
          value={v.letterNumber}
          onChange={(e) => f.set('letterNumber', e.currentTarget.value)}
          error={f.errors.letterNumber}
        />
        <Textarea
          label={t('serasi.actions.forwardPublic')}
          description={t('serasi.forward.publicHint')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={v.publicText}
          onChange={(e) => f.set('publicText', e.currentTarget.value)}
          error={f.errors.publicText}
        />
      </Stack>
    </ActionModal>
  );
}
