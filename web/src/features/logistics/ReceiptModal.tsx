import { logisticsLimits, type ReceiptSource, receiptInput, receiptSources } from '@atensi/domain';
import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { activeItemsQueryOptions, recordReceipt } from './api';
import { LogisticsModal, localToday, newKey, numberValue, useLogisticsForm } from './LogisticsParts';
import { useStockRefresh } from './useStockRefresh';

type LineRow = {
  /** Keeps React rows stable when one is removed. */
  key: number;
  itemId: string;
  quantity: number | string;
  lotNumber: string;
  expiresOn: string;
};

type ReceiptValues = {
  source: ReceiptSource | '';
  sourceName: string;
  documentNumber: string;
  receivedOn: string;
  note: string;
  lines: LineRow[];
};

const emptyLine = (key: number): LineRow => ({ key, itemId: '', quantity: '', lotNumber: '', expiresOn: '' });

/**
 * "Penerimaan barang": goods bought or given arrive, one lot per line. A perishable item needs
 * its expiry date (checked here as on the server). The idempotency key is made when the form
 * opens and kept across retries, so a receipt sent twice is recorded once.
 */
export function ReceiptModal({ warehouseId, onClose }: { warehouseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useStockRefresh(warehouseId);
  const items = useQuery(activeItemsQueryOptions);
  const [key, setKey] = useState(newKey);
  const nextRow = useRef(1);
  const f = useLogisticsForm<ReceiptValues>({
    source: '',
    sourceName: '',
    documentNumber: '',
    receivedOn: localToday(),
    note: '',
    lines: [emptyLine(0)],
  });
  const v = f.values;
  const itemById = new Map((items.data ?? []).map((i) => [i.id, i]));
  const itemOptions = [
    { value: '', label: items.isPending ? t('common.loading') : t('logistics.choose') },
    ...(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name} (${i.code})` })),
  ];

  const addLine = () => {
    const rowKey = nextRow.current++;
    f.addRow('lines', emptyLine(rowKey));
    requestAnimationFrame(() => document.getElementById(`receipt-line-${rowKey}-item`)?.focus());
  };

  const submit = () => {
    const raw = {
      source: v.source || undefined,
      sourceName: v.sourceName,
      documentNumber: v.documentNumber,
      receivedOn: v.receivedOn,
      note: v.note,
      lines: v.lines.map((l) => ({
        itemId: l.itemId,
        quantity: numberValue(l.quantity),
        lotNumber: l.lotNumber,
        expiresOn: l.expiresOn,
      })),
      idempotencyKey: key,
    };
    const extra: Record<string, string> = {};
    v.lines.forEach((l, i) => {
      if (itemById.get(l.itemId)?.perishable && !l.expiresOn) {
        extra[`lines.${i}.expiresOn`] = t('logistics.receipt.expiryRequired');
      }
    });
    void f.submit(
      receiptInput,
      raw,
      async (input) => {
        const result = await recordReceipt(warehouseId, input);
        setKey(newKey());
        refresh();
        notify({
          color: 'green',
          message: t('logistics.receipt.saved', { count: result.movementIds.length || input.lines.length }),
        });
        onClose();
      },
      extra,
    );
  };

  return (
    <LogisticsModal
      size="lg"
      title={t('logistics.receipt.title')}
      submitLabel={t('logistics.receipt.submit')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('logistics.receipt.source')}
          required
          data={[
            { value: '', label: t('logistics.choose') },
            ...receiptSources.map((s) => ({ value: s, label: t(`logistics.receipt.sources.${s}`) })),
          ]}
          value={v.source}
          onChange={(e) => f.set('source', e.currentTarget.value as ReceiptSource | '')}
          error={f.errors.source}
          data-autofocus
        />
        <TextInput
          label={t('logistics.receipt.sourceName')}
          required
          maxLength={200}
          value={v.sourceName}
          onChange={(e) => f.set('sourceName', e.currentTarget.value)}
          error={f.errors.sourceName}
        />
        <TextInput
          label={t('logistics.receipt.documentNumber')}
          description={t('logistics.receipt.documentHint')}
          required
          maxLength={100}
          value={v.documentNumber}
          onChange={(e) => f.set('documentNumber', e.currentTarget.value)}
          error={f.errors.documentNumber}
        />
        <TextInput
          type="date"
          label={t('logistics.receipt.receivedOn')}
          required
          max={localToday()}
          value={v.receivedOn}
          onChange={(e) => f.set('receivedOn', e.currentTarget.value)}
          error={f.errors.receivedOn}
        />
      </SimpleGrid>

      <Stack gap="sm">
        {f.errors.lines && (
          <Text c="red.8" size="sm" role="alert">
            {f.errors.lines}
          </Text>
        )}
        {v.lines.map((line, i) => {
          const n = i + 1;
          const err = (field: string) => f.errors[`lines.${i}.${field}`];
          const item = itemById.get(line.itemId);
          return (
            <Fieldset
              key={line.key}
              legend={t('logistics.receipt.line', { n })}
              radius="sm"
              styles={{ legend: { fontWeight: 700 } }}
            >
              <Stack gap="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <NativeSelect
                    id={`receipt-line-${line.key}-item`}
                    label={t('logistics.fields.item')}
                    required
                    data={itemOptions}
                    value={line.itemId}
                    onChange={(e) => f.setRow('lines', i, 'itemId', e.currentTarget.value)}
                    error={err('itemId')}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  {v.lines.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      mt={24}
                      onClick={() => f.removeRow('lines', i)}
                      aria-label={t('logistics.receipt.removeLine', { n })}
                      title={t('logistics.receipt.removeLine', { n })}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
                  <NumberInput
                    label={t('logistics.fields.quantity')}
                    description={item ? item.unit : undefined}
                    required
                    min={1}
                    max={logisticsLimits.quantityMax}
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    inputMode="numeric"
                    value={line.quantity}
                    onChange={(value) => f.setRow('lines', i, 'quantity', value)}
                    error={err('quantity')}
                  />
                  <TextInput
                    label={t('logistics.fields.lotNumber')}
                    maxLength={60}
                    value={line.lotNumber}
                    onChange={(e) => f.setRow('lines', i, 'lotNumber', e.currentTarget.value)}
                    error={err('lotNumber')}
                  />
                  <TextInput
                    type="date"
                    label={t('logistics.fields.expiresOn')}
                    description={item?.perishable ? t('logistics.receipt.perishableHint') : undefined}
                    required={item?.perishable ?? false}
                    value={line.expiresOn}
                    onChange={(e) => f.setRow('lines', i, 'expiresOn', e.currentTarget.value)}
                    error={err('expiresOn')}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          );
        })}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={addLine}
            disabled={v.lines.length >= logisticsLimits.linesMax}
          >
            {t('logistics.receipt.addLine')}
          </Button>
        </Group>
      </Stack>

      <Textarea
        label={t('logistics.fields.note')}
        autosize
        minRows={2}
        maxLength={1000}
        value={v.note}
        onChange={(e) => f.set('note', e.currentTarget.value)}
        error={f.errors.note}
      />
    </LogisticsModal>
  );
}
