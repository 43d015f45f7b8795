import {
  adjustmentDecisionInput,
  adjustmentInput,
  issueInput,
  logisticsLimits,
  minimumInput,
  type StockAdjustment,
  type StockLine,
  type StockLot,
  writeOffInput,
} from '@atensi/domain';
import { NativeSelect, NumberInput, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import {
  decideAdjustment,
  recordIssue,
  recordWriteOff,
  requestAdjustment,
  setMinimum,
  warehouseStockQueryOptions,
} from './api';
import {
  Field,
  LogisticsModal,
  localToday,
  newKey,
  numberValue,
  useDates,
  useLogisticsForm,
  useQuantity,
} from './LogisticsParts';
import { useStockRefresh } from './useStockRefresh';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Quantity = ReturnType<typeof useQuantity>;

/** Items with stock that may leave today, as select options: "Beras (BRS-5) — tersedia 120 karung". */
export const availableItemOptions = (lines: readonly StockLine[], t: Translate, quantity: Quantity) => [
  { value: '', label: t('logistics.choose') },
  ...lines
    .filter((l) => l.available > 0)
    .map((l) => ({
      value: l.itemId,
      label: t('logistics.availableOption', {
        name: l.itemName,
        code: l.itemCode,
        available: quantity(l.available, l.unit),
      }),
    })),
];

/** "Beras, lot L-12" or "Beras" for a lot without a number. */
export const lotLabel = (
  line: Pick<StockLine, 'itemName'>,
  lot: Pick<StockLot, 'lotNumber'>,
  t: Translate,
) => (lot.lotNumber ? t('logistics.lots.label', { item: line.itemName, lot: lot.lotNumber }) : line.itemName);

type WarehouseModal = { warehouseId: string; onClose: () => void };

/** "Pengeluaran barang": goods leave for a use that is neither a distribution nor a transfer (e.g. a kitchen). */
export function IssueModal({
  warehouseId,
  lines,
  onClose,
}: WarehouseModal & { lines: readonly StockLine[] }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const refresh = useStockRefresh(warehouseId);
  const [key, setKey] = useState(newKey);
  const f = useLogisticsForm({
    itemId: '',
    quantity: '' as number | string,
    issuedOn: localToday(),
    purpose: '',
    documentNumber: '',
  });
  const v = f.values;
  const line = lines.find((l) => l.itemId === v.itemId);

  const submit = () => {
    const raw = {
      itemId: v.itemId,
      quantity: numberValue(v.quantity),
      issuedOn: v.issuedOn,
      purpose: v.purpose,
      documentNumber: v.documentNumber,
      idempotencyKey: key,
    };
    const asked = numberValue(v.quantity);
    const extra: Record<string, string> =
      line && asked !== undefined && asked > line.available
        ? { quantity: t('logistics.overAvailable', { available: quantity(line.available, line.unit) }) }
        : {};
    void f.submit(
      issueInput,
      raw,
      async (input) => {
        await recordIssue(warehouseId, input);
        setKey(newKey());
        refresh();
        notify({ color: 'green', message: t('logistics.issue.saved') });
        onClose();
      },
      extra,
    );
  };

  return (
    <LogisticsModal
      title={t('logistics.issue.title')}
      submitLabel={t('logistics.issue.submit')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('logistics.issue.intro')}</Text>
      <NativeSelect
        label={t('logistics.fields.item')}
        required
        data={availableItemOptions(lines, t, quantity)}
        value={v.itemId}
        onChange={(e) => f.set('itemId', e.currentTarget.value)}
        error={f.errors.itemId}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
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
          value={v.quantity}
          onChange={(value) => f.set('quantity', value)}
          error={f.errors.quantity}
        />
        <TextInput
          type="date"
          label={t('logistics.issue.issuedOn')}
          required
          max={localToday()}
          value={v.issuedOn}
          onChange={(e) => f.set('issuedOn', e.currentTarget.value)}
          error={f.errors.issuedOn}
        />
      </SimpleGrid>
      <Textarea
        label={t('logistics.issue.purpose')}
        description={t('logistics.issue.purposeHint')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={v.purpose}
        onChange={(e) => f.set('purpose', e.currentTarget.value)}
        error={f.errors.purpose}
      />
      <TextInput
        label={t('logistics.issue.documentNumber')}
        maxLength={100}
        value={v.documentNumber}
        onChange={(e) => f.set('documentNumber', e.currentTarget.value)}
        error={f.errors.documentNumber}
      />
    </LogisticsModal>
  );
}

/** "Hapus kedaluwarsa": the whole remaining quantity of an expired (or damaged) lot leaves the stock. */
export function WriteOffModal({
  warehouseId,
  line,
  lot,
  onClose,
}: WarehouseModal & { line: StockLine; lot: StockLot }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const dates = useDates();
  const refresh = useStockRefresh(warehouseId);
  const [key, setKey] = useState(newKey);
  const f = useLogisticsForm({
    reason: lot.expiry === 'expired' ? t('logistics.writeOff.expiredReason') : '',
  });

  const submit = () =>
    void f.submit(
      writeOffInput,
      { lotId: lot.id, reason: f.values.reason, idempotencyKey: key },
      async (input) => {
        await recordWriteOff(warehouseId, input);
        setKey(newKey());
        refresh();
        notify({
          color: 'green',
          message: t('logistics.writeOff.saved', { quantity: quantity(lot.quantity, line.unit) }),
        });
        onClose();
      },
    );

  return (
    <LogisticsModal
      title={t('logistics.writeOff.title')}
      submitLabel={t('logistics.writeOff.submit')}
      submitColor="red.9"
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Field label={t('logistics.fields.item')}>{line.itemName}</Field>
        <Field label={t('logistics.fields.lotNumber')}>{lot.lotNumber ?? t('common.none')}</Field>
        <Field label={t('logistics.fields.expiresOn')}>
          {lot.expiresOn ? dates.date(lot.expiresOn) : t('common.none')}
        </Field>
        <Field label={t('logistics.writeOff.quantity')}>{quantity(lot.quantity, line.unit)}</Field>
      </SimpleGrid>
      <Text size="sm">{t('logistics.writeOff.body')}</Text>
      <Textarea
        label={t('logistics.writeOff.reason')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={f.values.reason}
        onChange={(e) => f.set('reason', e.currentTarget.value)}
        error={f.errors.reason}
        data-autofocus
      />
    </LogisticsModal>
  );
}

/** "Hitung stok": the counted quantity of one lot; the head approves before the stock changes. */
export function AdjustmentModal({
  warehouseId,
  line,
  lot,
  onClose,
}: WarehouseModal & { line: StockLine; lot: StockLot }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const refresh = useStockRefresh(warehouseId);
  const f = useLogisticsForm({
    countedQuantity: '' as number | string,
    reason: '',
    countedOn: localToday(),
  });
  const v = f.values;
  const counted = numberValue(v.countedQuantity);

  const submit = () =>
    void f.submit(
      adjustmentInput,
      { lotId: lot.id, countedQuantity: counted, reason: v.reason, countedOn: v.countedOn },
      async (input) => {
        await requestAdjustment(warehouseId, input);
        refresh();
        notify({ color: 'green', message: t('logistics.adjustment.saved') });
        onClose();
      },
    );

  return (
    <LogisticsModal
      title={t('logistics.adjustment.title', { name: lotLabel(line, lot, t) })}
      submitLabel={t('logistics.adjustment.submit')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('logistics.adjustment.intro')}</Text>
      <SimpleGrid component="dl" cols={{ base: 1, xs: 2 }} spacing="sm" m={0}>
        <Field label={t('logistics.adjustment.recorded')}>{quantity(lot.quantity, line.unit)}</Field>
        {counted !== undefined && (
          <Field label={t('logistics.adjustment.difference')}>
            {signed(counted - lot.quantity, quantity, line.unit)}
          </Field>
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t('logistics.adjustment.counted')}
          description={line.unit}
          required
          min={0}
          max={logisticsLimits.quantityMax}
          allowDecimal={false}
          allowNegative={false}
          hideControls
          inputMode="numeric"
          value={v.countedQuantity}
          onChange={(value) => f.set('countedQuantity', value)}
          error={f.errors.countedQuantity}
          data-autofocus
        />
        <TextInput
          type="date"
          label={t('logistics.adjustment.countedOn')}
          required
          max={localToday()}
          value={v.countedOn}
          onChange={(e) => f.set('countedOn', e.currentTarget.value)}
          error={f.errors.countedOn}
        />
      </SimpleGrid>
      <Textarea
        label={t('logistics.adjustment.reason')}
        description={t('logistics.adjustment.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={1000}
        value={v.reason}
        onChange={(e) => f.set('reason', e.currentTarget.value)}
        error={f.errors.reason}
      />
    </LogisticsModal>
  );
}

/** `+5 karung`, `−3 karung`, `0 karung`. */
export const signed = (n: number, quantity: Quantity, unit?: string) =>
  n > 0 ? `+${quantity(n, unit)}` : n < 0 ? `−${quantity(-n, unit)}` : quantity(0, unit);

/** The head's decision on a stock count: approve (the stock moves) or reject, with a note. */
export function DecisionModal({
  warehouseId,
  adjustment: a,
  approve,
  onClose,
}: WarehouseModal & { adjustment: StockAdjustment; approve: boolean }) {
  const { t } = useTranslation();
  const quantity = useQuantity();
  const refresh = useStockRefresh(warehouseId);
  const f = useLogisticsForm({ note: '' });
  const submit = () =>
    void f.submit(adjustmentDecisionInput, { approve, note: f.values.note }, async (input) => {
      await decideAdjustment(a.id, input);
      refresh();
      notify({
        color: 'green',
        message: t(approve ? 'logistics.decision.approved' : 'logistics.decision.rejected'),
      });
      onClose();
    });
  const name = a.lotNumber ? t('logistics.lots.label', { item: a.itemName, lot: a.lotNumber }) : a.itemName;
  return (
    <LogisticsModal
      title={t(approve ? 'logistics.decision.approveTitle' : 'logistics.decision.rejectTitle', { name })}
      submitLabel={t(approve ? 'logistics.decision.approve' : 'logistics.decision.reject')}
      submitColor={approve ? undefined : 'red.9'}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
      onReload={refresh}
    >
      <SimpleGrid component="dl" cols={{ base: 1, xs: 3 }} spacing="sm" m={0}>
        <Field label={t('logistics.adjustment.recorded')}>{quantity(a.recordedQuantity)}</Field>
        <Field label={t('logistics.adjustment.counted')}>{quantity(a.countedQuantity)}</Field>
        <Field label={t('logistics.adjustment.difference')}>
          {signed(a.countedQuantity - a.recordedQuantity, quantity)}
        </Field>
      </SimpleGrid>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
        {t('logistics.adjustment.reason')}: {a.reason}
      </Text>
      <Textarea
        label={t('logistics.decision.note')}
        autosize
        minRows={2}
        maxLength={1000}
        value={f.values.note}
        onChange={(e) => f.set('note', e.currentTarget.value)}
        error={f.errors.note}
        data-autofocus
      />
    </LogisticsModal>
  );
}

/** "Stok minimum": below it the item is flagged "Stok menipis". */
export function MinimumModal({ warehouseId, line, onClose }: WarehouseModal & { line: StockLine }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useStockRefresh(warehouseId);
  const f = useLogisticsForm({ minimumQuantity: line.minimumQuantity as number | string });
  const submit = () =>
    void f.submit(
      minimumInput,
      { itemId: line.itemId, minimumQuantity: numberValue(f.values.minimumQuantity) },
      async (input) => {
        const stock = await setMinimum(warehouseId, input);
        queryClient.setQueryData(warehouseStockQueryOptions(warehouseId).queryKey, stock);
        refresh();
        notify({ color: 'green', message: t('logistics.minimum.saved', { name: line.itemName }) });
        onClose();
      },
    );
  return (
    <LogisticsModal
      title={t('logistics.minimum.title', { name: line.itemName })}
      submitLabel={t('common.save')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <Text size="sm">{t('logistics.minimum.intro')}</Text>
      <NumberInput
        label={t('logistics.minimum.field')}
        description={line.unit}
        required
        min={0}
        max={logisticsLimits.quantityMax}
        allowDecimal={false}
        allowNegative={false}
        hideControls
        inputMode="numeric"
        value={f.values.minimumQuantity}
        onChange={(value) => f.set('minimumQuantity', value)}
        error={f.errors.minimumQuantity}
        data-autofocus
      />
    </LogisticsModal>
  );
}
