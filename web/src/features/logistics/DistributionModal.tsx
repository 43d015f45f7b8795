import {
  type DistributionProgram,
  distributionInput,
  distributionPrograms,
  logisticsLimits,
  type RecipientKind,
  recipientKinds,
  type StockLine,
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
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../components/notify';
import { recordDistribution } from './api';
import {
  LogisticsModal,
  localToday,
  newKey,
  numberValue,
  useLogisticsForm,
  useQuantity,
} from './LogisticsParts';
import { availableItemOptions } from './StockModals';
import { useStockRefresh } from './useStockRefresh';

/** Hand-outs per distribution, as the schema allows. */
const recipientsMax = 500;

type RecipientRow = {
  key: number;
  kind: RecipientKind;
  name: string;
  householdSize: number | string;
  quantity: number | string;
};

type DistributionValues = {
  itemId: string;
  program: DistributionProgram | '';
  distributedOn: string;
  place: string;
  note: string;
  recipients: RecipientRow[];
};

const emptyRecipient = (key: number): RecipientRow => ({
  key,
  kind: 'individual',
  name: '',
  householdSize: '',
  quantity: '',
});

/**
 * "Catat penyaluran": one item handed to people (or households) at this warehouse or a place
 * nearby; the server takes the lots first-expiring first. The recipients' names are kept with
 * the distribution and shown only on its own page.
 */
export function DistributionModal({
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
  const refresh = useStockRefresh(warehouseId);
  const [key, setKey] = useState(newKey);
  const nextRow = useRef(1);
  const f = useLogisticsForm<DistributionValues>({
    itemId: '',
    program: '',
    distributedOn: localToday(),
    place: '',
    note: '',
    recipients: [emptyRecipient(0)],
  });
  const v = f.values;
  const line = lines.find((l) => l.itemId === v.itemId);
  const total = v.recipients.reduce((sum, r) => sum + (numberValue(r.quantity) ?? 0), 0);

  const addRecipient = () => {
    const rowKey = nextRow.current++;
    f.addRow('recipients', emptyRecipient(rowKey));
    requestAnimationFrame(() => document.getElementById(`recipient-${rowKey}-name`)?.focus());
  };

  const submit = () => {
    const raw = {
      itemId: v.itemId,
      program: v.program || undefined,
      distributedOn: v.distributedOn,
      place: v.place,
      note: v.note,
      recipients: v.recipients.map((r) => ({
        kind: r.kind,
        name: r.name,
        householdSize: r.kind === 'household' ? (numberValue(r.householdSize) ?? null) : null,
        quantity: numberValue(r.quantity),
      })),
      idempotencyKey: key,
    };
    const extra: Record<string, string> =
      line && total > line.available
        ? { recipients: t('logistics.overAvailable', { available: quantity(line.available, line.unit) }) }
        : {};
    void f.submit(
      distributionInput,
      raw,
      async (input) => {
        const saved = await recordDistribution(warehouseId, input);
        setKey(newKey());
        refresh();
        notify({
          color: 'green',
          message: t('logistics.distribution.saved', {
            quantity: quantity(saved.quantity, saved.unit),
            count: saved.recipientCount,
          }),
        });
        onClose();
      },
      extra,
    );
  };

  return (
    <LogisticsModal
      size="lg"
      title={t('logistics.distribution.title')}
      submitLabel={t('logistics.distribution.submit')}
      busy={f.busy}
      error={f.error}
      hasErrors={f.hasErrors}
      onSubmit={submit}
      onClose={onClose}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <NativeSelect
          label={t('logistics.fields.item')}
          required
          data={availableItemOptions(lines, t, quantity)}
          value={v.itemId}
          onChange={(e) => f.set('itemId', e.currentTarget.value)}
          error={f.errors.itemId}
          data-autofocus
        />
        <NativeSelect
          label={t('logistics.distribution.program')}
          required
          data={[
            { value: '', label: t('logistics.choose') },
            ...distributionPrograms.map((p) => ({ value: p, label: t(`logistics.program.${p}`) })),
          ]}
          value={v.program}
          onChange={(e) => f.set('program', e.currentTarget.value as DistributionProgram | '')}
          error={f.errors.program}
        />
        <TextInput
          type="date"
          label={t('logistics.distribution.distributedOn')}
          required
          max={localToday()}
          value={v.distributedOn}
          onChange={(e) => f.set('distributedOn', e.currentTarget.value)}
          error={f.errors.distributedOn}
        />
        <TextInput
          label={t('logistics.distribution.place')}
          description={t('logistics.distribution.placeHint')}
          maxLength={500}
          value={v.place}
          onChange={(e) => f.set('place', e.currentTarget.value)}
          error={f.errors.place}
        />
      </SimpleGrid>

      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('logistics.distribution.recipientsHint')}
        </Text>
        {f.errors.recipients && (
          <Text c="red.8" size="sm" role="alert">
            {f.errors.recipients}
          </Text>
        )}
        {v.recipients.map((r, i) => {
          const n = i + 1;
          const err = (field: string) => f.errors[`recipients.${i}.${field}`];
          return (
            <Fieldset
              key={r.key}
              legend={t('logistics.distribution.recipient', { n })}
              radius="sm"
              styles={{ legend: { fontWeight: 700 } }}
            >
              <Stack gap="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <TextInput
                    id={`recipient-${r.key}-name`}
                    label={t('logistics.distribution.name')}
                    required
                    maxLength={200}
                    value={r.name}
                    onChange={(e) => f.setRow('recipients', i, 'name', e.currentTarget.value)}
                    error={err('name')}
                    style={{ flex: 1, minWidth: 0 }}
                  />
                  {v.recipients.length > 1 && (
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      size="lg"
                      mt={24}
                      onClick={() => f.removeRow('recipients', i)}
                      aria-label={t('logistics.distribution.removeRecipient', { n })}
                      title={t('logistics.distribution.removeRecipient', { n })}
                    >
                      <IconTrash size={18} aria-hidden />
                    </ActionIcon>
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, xs: r.kind === 'household' ? 3 : 2 }} spacing="sm">
                  <NativeSelect
                    label={t('logistics.distribution.kind')}
                    required
                    data={recipientKinds.map((k) => ({ value: k, label: t(`logistics.recipientKind.${k}`) }))}
                    value={r.kind}
                    onChange={(e) =>
                      f.setRow('recipients', i, 'kind', e.currentTarget.value as RecipientKind)
                    }
                    error={err('kind')}
                  />
                  {r.kind === 'household' && (
                    <NumberInput
                      label={t('logistics.distribution.householdSize')}
                      min={1}
                      max={50}
                      allowDecimal={false}
                      allowNegative={false}
                      hideControls
                      inputMode="numeric"
                      value={r.householdSize}
                      onChange={(value) => f.setRow('recipients', i, 'householdSize', value)}
                      error={err('householdSize')}
                    />
                  )}
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
                    value={r.quantity}
                    onChange={(value) => f.setRow('recipients', i, 'quantity', value)}
                    error={err('quantity')}
                  />
                </SimpleGrid>
              </Stack>
            </Fieldset>
          );
        })}
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={addRecipient}
            disabled={v.recipients.length >= recipientsMax}
          >
            {t('logistics.distribution.addRecipient')}
          </Button>
          <Text size="sm" fw={600} aria-live="polite">
            {line
              ? t('logistics.distribution.totalOf', {
                  total: quantity(total, line.unit),
                  available: quantity(line.available, line.unit),
                })
              : t('logistics.distribution.total', { total: quantity(total) })}
          </Text>
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
