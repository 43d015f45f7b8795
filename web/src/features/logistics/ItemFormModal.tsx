import { type Item, type ItemCategory, itemCategories, itemInput, updateItemInput } from '@atensi/domain';
import { Checkbox, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { createItem, updateItem } from './api';
import { LogisticsModal, useLogisticsForm } from './LogisticsParts';

/** An item of the catalogue (barang), to create or, with `value`, to edit (including switching it off). */
export function ItemFormModal({ value, onClose }: { value?: Item; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const f = useLogisticsForm({
    code: value?.code ?? '',
    name: value?.name ?? '',
    category: (value?.category ?? '') as ItemCategory | '',
    unit: value?.unit ?? '',
    perishable: value?.perishable ?? false,
    active: value?.active ?? true,
  });
  const v = f.values;
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['logistics', 'items'] });

  const submit = () => {
    const fields = {
      code: v.code,
      name: v.name,
      category: v.category || undefined,
      unit: v.unit,
      perishable: v.perishable,
    };
    const done = (saved: Item) => {
      reload();
      notify({
        color: 'green',
        message: t(value ? 'logistics.items.saved' : 'logistics.items.created', { name: saved.name }),
      });
      onClose();
    };
    if (value) {
      void f.submit(updateItemInput, { ...fields, active: v.active, version: value.version }, async (input) =>
        done(await updateItem(value.id, input)),
      );
    } else {
      void f.submit(itemInput, fields, async (input) => done(await createItem(input)));
    }
  };

  return (
    <LogisticsModal
      title={value ? t('logistics.items.editTitle') : t('logistics.items.createTitle')}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
      onReload={reload}
    >
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('logistics.items.code')}
          description={t('logistics.items.codeHint')}
          required
          maxLength={30}
          value={v.code}
          onChange={(e) => f.set('code', e.currentTarget.value)}
          error={f.errors.code}
          autoCapitalize="characters"
          autoComplete="off"
          data-autofocus
        />
        <TextInput
          label={t('logistics.items.unit')}
          description={t('logistics.items.unitHint')}
          required
          maxLength={30}
          value={v.unit}
          onChange={(e) => f.set('unit', e.currentTarget.value)}
          error={f.errors.unit}
        />
      </SimpleGrid>
      <TextInput
        label={t('logistics.items.name')}
        required
        maxLength={200}
        value={v.name}
        onChange={(e) => f.set('name', e.currentTarget.value)}
        error={f.errors.name}
      />
      <NativeSelect
        label={t('logistics.fields.category')}
        required
        data={[
          { value: '', label: t('logistics.choose') },
          ...itemCategories.map((c) => ({ value: c, label: t(`logistics.category.${c}`) })),
        ]}
        value={v.category}
        onChange={(e) => f.set('category', e.currentTarget.value as ItemCategory | '')}
        error={f.errors.category}
      />
      <Checkbox
        label={t('logistics.items.perishable')}
        description={t('logistics.items.perishableHint')}
        checked={v.perishable}
        onChange={(e) => f.set('perishable', e.currentTarget.checked)}
        error={f.errors.perishable}
      />
      {value && (
        <Checkbox
          label={t('logistics.activeField')}
          description={t('logistics.items.activeHint')}
          checked={v.active}
          onChange={(e) => f.set('active', e.currentTarget.checked)}
          error={f.errors.active}
        />
      )}
    </LogisticsModal>
  );
}
