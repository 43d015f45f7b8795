import { updateWarehouseInput, type Warehouse, warehouseInput } from '@atensi/domain';
import { Checkbox, NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CenterSelect } from '../../components/CenterSelect';
import { notify } from '../../components/notify';
import { RegionPicker } from '../../components/RegionPicker';
import { createWarehouse, updateWarehouse } from './api';
import { LogisticsModal, numberValue, useLogisticsForm } from './LogisticsParts';

type Values = {
  central: boolean;
  centerId: string;
  name: string;
  regionCode: string;
  address: string;
  latitude: number | string;
  longitude: number | string;
  active: boolean;
};

/**
 * A warehouse of a balai (or the ministry's central one, without a balai), to create or, with
 * `value`, to edit. A disaster post's warehouse is made with its disaster, not here.
 */
export function WarehouseFormModal({
  value,
  onClose,
  onSaved,
}: {
  value?: Warehouse;
  onClose: () => void;
  onSaved?: (w: Warehouse) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useLogisticsForm<Values>({
    central: value ? value.kind === 'central' : false,
    centerId: value?.centerId ?? '',
    name: value?.name ?? '',
    regionCode: value?.regionCode ?? '',
    address: value?.address ?? '',
    latitude: value?.latitude ?? '',
    longitude: value?.longitude ?? '',
    active: value?.active ?? true,
  });
  const v = f.values;

  const submit = () => {
    const place = {
      name: v.name,
      regionCode: v.regionCode,
      address: v.address,
      latitude: numberValue(v.latitude) ?? null,
      longitude: numberValue(v.longitude) ?? null,
    };
    const done = (saved: Warehouse) => {
      void queryClient.invalidateQueries({ queryKey: ['logistics', 'warehouses'] });
      void queryClient.invalidateQueries({ queryKey: ['logistics', 'stock', saved.id] });
      notify({
        color: 'green',
        message: t(value ? 'logistics.warehouses.saved' : 'logistics.warehouses.created', {
          name: saved.name,
        }),
      });
      onSaved?.(saved);
      onClose();
    };
    if (value) {
      void f.submit(
        updateWarehouseInput,
        { ...place, active: v.active, version: value.version },
        async (input) => done(await updateWarehouse(value.id, input)),
      );
      return;
    }
    const extra: Record<string, string> = !v.centerId
      ? { centerId: t('logistics.warehouses.centerRequired') }
      : {};
    void f.submit(
      warehouseInput,
      { ...place, centerId: v.centerId, kind: v.central ? 'central' : 'center' },
      async (input) => done(await createWarehouse(input)),
      extra,
    );
  };

  return (
    <LogisticsModal
      size="lg"
      title={value ? t('logistics.warehouses.editTitle') : t('logistics.warehouses.createTitle')}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
      onReload={() => void queryClient.invalidateQueries({ queryKey: ['logistics', 'warehouses'] })}
    >
      {value ? (
        <Text size="sm">
          {t('logistics.fields.center')}: {value.centerName}
        </Text>
      ) : (
        <>
          <Checkbox
            label={t('logistics.warehouses.central')}
            description={t('logistics.warehouses.centralHint')}
            checked={v.central}
            onChange={(e) => f.set('central', e.currentTarget.checked)}
          />
          <CenterSelect
            label={t('logistics.fields.center')}
            required
            value={v.centerId || null}
            onChange={(id) => f.set('centerId', id ?? '')}
            error={f.errors.centerId}
            comboboxProps={{ withinPortal: true }}
          />
        </>
      )}
      <TextInput
        label={t('logistics.warehouses.name')}
        description={t('logistics.warehouses.nameHint')}
        required
        maxLength={200}
        value={v.name}
        onChange={(e) => f.set('name', e.currentTarget.value)}
        error={f.errors.name}
        data-autofocus
      />
      <RegionPicker
        label={t('logistics.fields.region')}
        value={v.regionCode || null}
        onChange={(code) => f.set('regionCode', code ?? '')}
        required
        error={f.errors.regionCode}
      />
      <Textarea
        label={t('logistics.fields.address')}
        autosize
        minRows={2}
        maxLength={500}
        value={v.address}
        onChange={(e) => f.set('address', e.currentTarget.value)}
        error={f.errors.address}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t('logistics.warehouses.latitude')}
          description={t('logistics.warehouses.coordinatesHint')}
          min={-90}
          max={90}
          decimalScale={6}
          decimalSeparator="."
          hideControls
          inputMode="decimal"
          value={v.latitude}
          onChange={(value) => f.set('latitude', value)}
          error={f.errors.latitude}
        />
        <NumberInput
          label={t('logistics.warehouses.longitude')}
          min={-180}
          max={180}
          decimalScale={6}
          decimalSeparator="."
          hideControls
          inputMode="decimal"
          value={v.longitude}
          onChange={(value) => f.set('longitude', value)}
          error={f.errors.longitude}
        />
      </SimpleGrid>
      {value && (
        <Checkbox
          label={t('logistics.activeField')}
          checked={v.active}
          onChange={(e) => f.set('active', e.currentTarget.checked)}
          error={f.errors.active}
        />
      )}
    </LogisticsModal>
  );
}
