import { type Disaster, type Item, needInput } from '@atensi/domain';
import { Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { setNeed } from './api';
import { FormModal, ItemSelect, QuantityInput, useFormSubmit } from './DisasterParts';
import { formatCount, numberValue } from './format';

/**
 * "Tambah kebutuhan": so many units of an item for the post. The server keeps one need per item,
 * so choosing an item already needed replaces its quantity (said before saving).
 */
export function NeedFormModal({
  disaster,
  onClose,
  onSaved,
  onReload,
}: {
  disaster: Disaster;
  onClose: () => void;
  onSaved: (d: Disaster) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormSubmit();
  const [itemId, setItemId] = useState<string | null>(null);
  const [item, setItem] = useState<Item | null>(null);
  const [quantity, setQuantity] = useState<number | string>('');
  const [note, setNote] = useState('');
  const existing = itemId ? disaster.needs.find((n) => n.itemId === itemId) : undefined;

  const submit = () => {
    const raw = { itemId: itemId ?? undefined, quantity: numberValue(quantity), note: note.trim() || null };
    void f.submit(needInput, raw, async (input) => {
      onSaved(await setNeed(disaster.id, input));
      notify({ color: 'green', message: t('disasters.needs.saved') });
      onClose();
    });
  };

  return (
    <FormModal
      title={t('disasters.needs.add')}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      onSubmit={submit}
      onClose={onClose}
      onReload={onReload}
      formRef={f.formRef}
    >
      <ItemSelect
        label={t('disasters.needs.item')}
        required
        value={itemId}
        onChange={(id, chosen) => {
          setItemId(id);
          setItem(chosen);
          f.clear('itemId');
        }}
        error={f.errors.itemId}
      />
      {existing && (
        <Text size="sm" role="status">
          {t('disasters.needs.replaceHint', {
            quantity: t('disasters.quantityUnit', {
              quantity: formatCount(existing.quantity),
              unit: existing.unit,
            }),
          })}
        </Text>
      )}
      <QuantityInput
        label={t('disasters.needs.quantity')}
        description={item ? t('disasters.needs.unitHint', { unit: item.unit }) : undefined}
        required
        min={1}
        value={quantity}
        onChange={(v) => {
          setQuantity(v);
          f.clear('quantity');
        }}
        error={f.errors.quantity}
      />
      <Textarea
        label={t('disasters.needs.note')}
        autosize
        minRows={2}
        maxLength={500}
        value={note}
        onChange={(e) => {
          setNote(e.currentTarget.value);
          f.clear('note');
        }}
        error={f.errors.note}
      />
    </FormModal>
  );
}
