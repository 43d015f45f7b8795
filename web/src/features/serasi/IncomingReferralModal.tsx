import { type IncomingReferralInput, incomingReferralInput, reportedSubjects } from '@atensi/domain';
import { NativeSelect, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { RegionPicker } from '../../components/RegionPicker';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { recordIncomingReferral } from './api';
import { ActionModal } from './SerasiParts';

const empty = {
  fromAgency: '',
  letterNumber: '',
  type: 'report_person' as IncomingReferralInput['type'],
  subject: '',
  description: '',
  regionCode: null as string | null,
  landmark: '',
  contactName: '',
  contactPhone: '',
};

/**
 * A referral from another programme or agency (PKH facilitator, puskesmas, police, village
 * office) becomes a ticket in the covering desks' queue, triaged like any other.
 */
export function IncomingReferralModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const f = useSchemaForm(empty);
  const close = () => {
    f.reset(empty);
    onClose();
  };
  const submit = () =>
    void f.submit(
      incomingReferralInput,
      { ...f.values, subject: f.values.type === 'report_person' ? f.values.subject || null : null },
      async (input) => {
        const { id, code } = await recordIncomingReferral(input);
        notify({ color: 'green', message: t('serasi.incoming.saved', { code }) });
        void queryClient.invalidateQueries({ queryKey: ['serasi'] });
        close();
        await navigate({ to: '/serasi/$id', params: { id } });
      },
    );
  return (
    <ActionModal
      opened={opened}
      title={t('serasi.incoming.title')}
      submitLabel={t('serasi.incoming.submit')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={close}
      onReload={close}
      size="lg"
    >
      <Stack gap="sm">
        <TextInput
          label={t('serasi.incoming.fromAgency')}
          description={t('serasi.incoming.fromAgencyHint')}
          required
          maxLength={200}
          value={f.values.fromAgency}
          onChange={(e) => f.set('fromAgency', e.currentTarget.value)}
          error={f.errors.fromAgency}
          data-autofocus
        />
        <TextInput
          label={t('serasi.incoming.letterNumber')}
          maxLength={100}
          value={f.values.letterNumber}
          onChange={(e) => f.set('letterNumber', e.currentTarget.value)}
          error={f.errors.letterNumber}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="incoming-type">
            {t('serasi.incoming.type')}
          </Text>
          <SegmentedControl
            aria-labelledby="incoming-type"
            fullWidth
            value={f.values.type}
            onChange={(v) => f.set('type', v as IncomingReferralInput['type'])}
            data={[
              { value: 'report_person', label: t('serasi.type.report_person') },
              { value: 'help_request', label: t('serasi.type.help_request') },
            ]}
          />
        </Stack>
        {f.values.type === 'report_person' && (
          <NativeSelect
            label={t('serasi.incoming.subject')}
            required
            value={f.values.subject}
            onChange={(e) => f.set('subject', e.currentTarget.value)}
            error={f.errors.subject}
            data={[
              { value: '', label: t('persons.choose') },
              ...reportedSubjects.map((s) => ({ value: s, label: t(`serasi.subject.${s}`) })),
            ]}
          />
        )}
        <Textarea
          label={t('serasi.incoming.description')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          value={f.values.description}
          onChange={(e) => f.set('description', e.currentTarget.value)}
          error={f.errors.description}
        />
        <RegionPicker
          value={f.values.regionCode}
          onChange={(code) => f.set('regionCode', code)}
          maxLevel="village"
          minLevel="village"
          required
          label={t('serasi.incoming.region')}
          error={f.errors.regionCode}
        />
        <TextInput
          label={t('serasi.incoming.landmark')}
          maxLength={300}
          value={f.values.landmark}
          onChange={(e) => f.set('landmark', e.currentTarget.value)}
          error={f.errors.landmark}
        />
        <TextInput
          label={t('serasi.incoming.contactName')}
          maxLength={200}
          value={f.values.contactName}
          onChange={(e) => f.set('contactName', e.currentTarget.value)}
        />
        <TextInput
          label={t('serasi.incoming.contactPhone')}
          maxLength={200}
          value={f.values.contactPhone}
          onChange={(e) => f.set('contactPhone', e.currentTarget.value)}
        />
      </Stack>
    </ActionModal>
  );
}
