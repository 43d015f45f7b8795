import {
  logisticsLimits,
  type StockLine,
  transferInput,
  type WarehouseKind,
  warehouseKinds,
} from '@atensi/domain';
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
import { useNavigate } from '@tanstack/react-router';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { allWarehousesQueryOptions, recordTransfer } from './api';
import { LogisticsModal, newKey, numberValue, useLogisticsForm, useQuantity } from './LogisticsParts';
import { availableItemOptions } from './StockModals';
import { useStockRefresh } from './useStockRefresh';

type LineRow = { key: number; itemId: string; quantity: number | string };
type TransferValues = {
  toWarehouseId: string;
  vehicle: string;
  driverName: string;
  note: string;
  lines: LineRow[];
};

const emptyLine = (key: number): LineRow => ({ key, itemId: '', quantity: '' });

/**
 * "Kirim ke gudang lain": goods leave for another warehouse on a waybill (surat jalan); the lots
 * go first-expiring first and the stock is in transit until the destination confirms it. On
 * success the waybill opens.
 */
export function TransferModal({
  warehouseId,
  lines,
  onClose,
}: {
  warehouseId: string;
  lines: readonly StockLine[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const navigate = useNavigate();
  const refresh = useStockRefresh(warehouseId);
  const warehouses = useQuery(allWarehousesQueryOptions);
  const [key, setKey] = useState(newKey);
  const nextRow = useRef(1);
  const f = useLogisticsForm<TransferValues>({
    toWarehouseId: '',
    vehicle: '',
    driverName: '',
    note: '',
    lines: [emptyLine(0)],
  });
  const v = f.values;
  const options = availableItemOptions(lines, t, quantity);
  const destinations = (warehouses.data ?? []).filter((w) => w.active && w.id !== warehouseId);
  const byKind = (kind: WarehouseKind) =>
    destinations
      .filter((w) => w.kind === kind)
      .map((w) => ({
        value: w.id,
        label: w.regionName && !w.name.includes(w.regionName) ? `${w.name} — ${w.regionName}` : w.name,
      }));

  const addLine = () => {
    const rowKey = nextRow.current++;
    f.addRow('lines', emptyLine(rowKey));
    requestAnimationFrame(() => document.getElementById(`transfer-line-${rowKey}-item`)?.focus());
  };

  const submit = () => {
    const raw = {
      toWarehouseId: v.toWarehouseId,
      vehicle: v.vehicle,
      driverName: v.driverName,
      note: v.note,
      lines: v.lines.map((l) => ({ itemId: l.itemId, quantity: numberValue(l.quantity) })),
      idempotencyKey: key,
    };
    // Lines of the same item together may not ask more than is available.
    const extra: Record<string, string> = {};
    const asked = new Map<string, number>();
    v.lines.forEach((l, i) => {
      const line = lines.find((s) => s.itemId === l.itemId);
      const sum = (asked.get(l.itemId) ?? 0) + (numberValue(l.quantity) ?? 0);
      asked.set(l.itemId, sum);
      if (line && sum > line.available) {
        extra[`lines.${i}.quantity`] = t('logistics.overAvailable', {
          available: quantity(line.available, line.unit),
        });
      }
    });
    void f.submit(
      transferInput,
      raw,
      async (input) => {
        const dispatch = await recordTransfer(warehouseId, input);
        setKey(newKey());
        refresh();
        void navigate({ href: `/surat-jalan/${encodeURIComponent(dispatch.id)}` });
        notify({ color: 'green', message: t('logistics.transfer.saved', { number: dispatch.number }) });
        onClose();
      },
      extra,
    );
  };

  return (
    <LogisticsModal
      size="lg"
      title={t('logistics.transfer.title')}
      submitLabel={t('logistics.transfer.submit')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('logistics.transfer.intro')}</Text>
      <NativeSelect
        label={t('logistics.transfer.destination')}
        required
        data={[
          { value: '', label: warehouses.isPending ? t('common.loading') : t('logistics.choose') },
          ...warehouseKinds
            .map((kind) => ({ group: t(`logistics.warehouseKindPlural.${kind}`), items: byKind(kind) }))
            .filter((g) => g.items.length > 0),
        ]}
        value={v.toWarehouseId}
        onChange={(e) => f.set('toWarehouseId', e.currentTarget.value)}
        error={f.errors.toWarehouseId ?? (warehouses.error ? t('errors.loadFailed') : undefined)}
        data-autofocus
      />

      <Stack gap="sm">
        {f.errors.lines && (
          <Text c="red.8" size="sm" role="alert">
            {f.errors.lines}
          </Text>
        )}
        {v.lines.map((l, i) => {
          const n = i + 1;
          const err = (field: string) => f.errors[`lines.${i}.${field}`];
          const line = lines.find((s) => s.itemId === l.itemId);
          return (
            <Fieldset
              key={l.key}
              legend={t('logistics.receipt.line', { n })}
              radius="sm"
              styles={{ legend: { fontWeight: 700 } }}
            >
              <Group align="flex-start" gap="xs" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" style={{ flex: 1, minWidth: 0 }}>
                  <NativeSelect
                    id={`transfer-line-${l.key}-item`}
                    label={t('logistics.fields.item')}
                    required
                    data={options}
                    value={l.itemId}
                    onChange={(e) => f.setRow('lines', i, 'itemId', e.currentTarget.value)}
                    error={err('itemId')}
                  />
                  <NumberInput
                    label={t('logistics.fields.quantity')}
                    description={line ? line.unit : undefined}
                    required
                    min={1}
                    max={line?.available ?? logisticsLimits.quantityMax}
                    clampBehavior="none"
                    allowDecimal={false}
                    allowNegative={false}
                    hideControls
                    inputMode="numeric"
                    value={l.quantity}
                    onChange={(value) => f.setRow('lines', i, 'quantity', value)}
                    error={err('quantity')}
                  />
                </SimpleGrid>
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

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput
          label={t('logistics.transfer.vehicle')}
          description={t('logistics.transfer.vehicleHint')}
          maxLength={100}
          value={v.vehicle}
          onChange={(e) => f.set('vehicle', e.currentTarget.value)}
          error={f.errors.vehicle}
        />
        <TextInput
          label={t('logistics.transfer.driverName')}
          maxLength={200}
          value={v.driverName}
          onChange={(e) => f.set('driverName', e.currentTarget.value)}
          error={f.errors.driverName}
        />
      </SimpleGrid>
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
