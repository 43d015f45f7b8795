import { levelOfCode, type Shelter, shelterInput } from '@atensi/domain';
import { NativeSelect, NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { RegionPicker } from '../../components/RegionPicker';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { closeShelter, openShelter } from './api';
import { FormModal, localToday } from './OutreachParts';

type OpenValues = {
  name: string;
  centerId: string;
  regionCode: string;
  address: string;
  capacity: number | string;
  openedOn: string;
};

/** "Buka TPS": a sports hall or other building taken as a temporary shelter by one of the user's centres. */
export function OpenShelterModal({
  centers,
  onClose,
}: {
  centers: { id: string; name: string }[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useSchemaForm<OpenValues>({
    name: '',
    centerId: centers[0]?.id ?? '',
    regionCode: '',
    address: '',
    capacity: '',
    openedOn: localToday(),
  });
  const v = f.values;
  const submit = () => {
    const raw = {
      name: v.name,
      centerId: v.centerId,
      regionCode: v.regionCode,
      address: v.address,
      capacity: v.capacity === '' ? undefined : Number(v.capacity),
      openedOn: v.openedOn,
    };
    const level = v.regionCode ? levelOfCode(v.regionCode) : null;
    const extra: Record<string, string> =
      level === 'province' ? { regionCode: t('outreach.regencyRequired') } : {};
    void f.submit(
      shelterInput,
      raw,
      async (input) => {
        const created = await openShelter(input);
        await queryClient.invalidateQueries({ queryKey: ['outreach', 'shelters'] });
        notify({ color: 'green', message: t('outreach.shelterForm.created', { name: created.name }) });
        onClose();
      },
      extra,
    );
  };
  return (
    <FormModal
      size="lg"
      title={t('outreach.shelterForm.title')}
      submitLabel={t('outreach.shelterForm.submit')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
    >
      <TextInput
        label={t('outreach.shelterForm.name')}
        description={t('outreach.shelterForm.nameHint')}
        required
        maxLength={200}
        value={v.name}
        onChange={(e) => f.set('name', e.currentTarget.value)}
        error={f.errors.name}
        data-autofocus
      />
      <NativeSelect
        label={t('outreach.shelterForm.center')}
        required
        data={centers.map((c) => ({ value: c.id, label: c.name }))}
        value={v.centerId}
        onChange={(e) => f.set('centerId', e.currentTarget.value)}
        error={f.errors.centerId}
      />
      <RegionPicker
        label={t('outreach.shelterForm.region')}
        value={v.regionCode || null}
        onChange={(code) => f.set('regionCode', code ?? '')}
        required
        minLevel="regency"
        error={f.errors.regionCode}
      />
      <Textarea
        label={t('outreach.shelterForm.address')}
        autosize
        minRows={2}
        maxLength={500}
        value={v.address}
        onChange={(e) => f.set('address', e.currentTarget.value)}
        error={f.errors.address}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t('outreach.shelterForm.capacity')}
          required
          min={1}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={v.capacity}
          onChange={(value) => f.set('capacity', value)}
          error={f.errors.capacity}
        />
        <TextInput
          type="date"
          label={t('outreach.shelterForm.openedOn')}
          required
          value={v.openedOn}
          onChange={(e) => f.set('openedOn', e.currentTarget.value)}
          error={f.errors.openedOn}
        />
      </SimpleGrid>
    </FormModal>
  );
}

type CloseInput = { closedOn: string; version: number };

/** The close body as the route checks it: a whole `YYYY-MM-DD` date. */
const closeInput = {
  safeParse: (raw: unknown) =>
    /^\d{4}-\d{2}-\d{2}$/.test((raw as CloseInput).closedOn)
      ? { success: true as const, data: raw as CloseInput }
      : {
          success: false as const,
          error: { issues: [{ code: 'invalid_format', format: 'date', path: ['closedOn'] }] },
        },
};

/** "Tutup TPS": only an empty shelter closes (the server refuses while people stay). */
export function CloseShelterModal({ shelter, onClose }: { shelter: Shelter; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = localToday();
  const f = useSchemaForm({ closedOn: today < shelter.openedOn ? shelter.openedOn : today });
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['outreach', 'shelters'] });
  return (
    <FormModal
      title={t('outreach.closeForm.title', { name: shelter.name })}
      submitLabel={t('outreach.closeForm.submit')}
      submitColor="red.9"
      busy={f.busy}
      error={f.error}
      onClose={onClose}
      onReload={reload}
      onSubmit={() =>
        void f.submit(
          closeInput,
          { closedOn: f.values.closedOn, version: shelter.version },
          async (input) => {
            await closeShelter(shelter.id, input);
            reload();
            notify({ color: 'green', message: t('outreach.closeForm.closed', { name: shelter.name }) });
            onClose();
          },
        )
      }
    >
      <Text size="sm">{t('outreach.closeForm.body')}</Text>
      <TextInput
        type="date"
        label={t('outreach.closeForm.closedOn')}
        required
        min={shelter.openedOn}
        value={f.values.closedOn}
        onChange={(e) => f.set('closedOn', e.currentTarget.value)}
        error={f.errors.closedOn}
        data-autofocus
      />
    </FormModal>
  );
}
